package cn.shebao.counter.workstation.demo;

import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.central.CommandHandlers;
import cn.shebao.counter.workstation.central.service.CentralService;
import cn.shebao.counter.workstation.central.service.MachineRegistry;
import cn.shebao.counter.workstation.central.service.ServicePool;
import cn.shebao.counter.workstation.command.CommandHandler;
import cn.shebao.counter.workstation.pki.CertificateAuthority;
import cn.shebao.counter.workstation.pki.KeyStores;
import cn.shebao.counter.workstation.pki.Pem;
import cn.shebao.counter.workstation.store.DriverDataSource;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.hibernate.SessionFactory;

/**
 * The demo central, run in a child JVM by {@link DemoCentral}: the real central service, on 127.0.0.1 with a
 * throwaway CA of its own, over an embedded Derby database in the demo directory (PostgreSQL in production and
 * in the tests). A child process, not a thread, so the workstation process holds no central database at all,
 * just as in production. It prints its progress, a one-time enrolment code for the demo workstation and its
 * port on standard output, and stops when its standard input closes (the workstation exited or died).
 */
public final class DemoCentralServer {

    static final String READY = "DEMO-CENTRAL-READY";
    static final String PROGRESS = "DEMO-CENTRAL-PROGRESS";
    static final String CODE = "DEMO-CENTRAL-CODE";
    static final String CA_FILE = "centre-ca.pem";

    private DemoCentralServer() {
    }

    /** Arguments: demo central directory, persons to generate on the first start, the demo workstation's code. */
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int persons = Integer.parseInt(args[1]);
        String workstation = args[2];
        System.setProperty("derby.system.home", home.toString());
        DriverDataSource database = new DriverDataSource("jdbc:derby:" + home.resolve("central") + ";create=true", Properties::new);
        Migrations.migrate(database, Migrations.Role.CENTRAL);
        seedOnce(database, persons);
        CertificateAuthority ca = demoCa(home.resolve("pki"));
        char[] tlsPassword = randomPassword();
        Function<Clock, Map<String, CommandHandler>> handlers = CommandHandlers::all;
        try (HikariDataSource pool = ServicePool.of(database, 8);
                CentralService service = CentralService.start("127.0.0.1", 0, pool,
                        ca.issueServer(List.of("127.0.0.1", "localhost"), Duration.ofDays(30), tlsPassword), tlsPassword, ca, handlers,
                        Clock.systemUTC())) {
            String code = service.machines().openCode(workstation, MachineRegistry.Kind.COUNTER, "DEMO", Duration.ofMinutes(30));
            System.out.println(CODE + " " + code);
            System.out.println(READY + " " + service.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to go away
            }
        }
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            // Derby always answers a shutdown with an exception (08006 / XJ015)
        }
    }

    private static void seedOnce(DriverDataSource database, int persons) {
        try (SessionFactory sessions = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).create(database)) {
            long staff = sessions.fromTransaction(s -> s.createSelectionQuery("select count(*) from StaffUser", Long.class).getSingleResult());
            if (staff == 0) {
                new DemoDataGenerator(DemoDataGenerator.Settings.of(DemoDataGenerator.DEMO_SEED, persons, LocalDate.now())
                        .withArchive(DemoDataGenerator.CENTRAL_ARCHIVE_MONTHS))
                        .generate(new HibernateDemoSink(sessions), (done, total, rows) -> {
                            System.out.println(PROGRESS + " " + done + " " + total);
                            System.out.flush();
                        });
            }
        }
    }

    /** The demo CA lives in the demo directory, so the demo workstation's certificate stays valid across starts. */
    private static CertificateAuthority demoCa(Path pki) throws IOException {
        Files.createDirectories(pki);
        Path store = pki.resolve("demo-ca.p12");
        Path secret = pki.resolve("demo-ca.password");
        if (Files.exists(store) && Files.exists(secret)) {
            char[] password = Files.readString(secret, StandardCharsets.US_ASCII).toCharArray();
            return CertificateAuthority.from(KeyStores.read(store, password), password);
        }
        CertificateAuthority ca = CertificateAuthority.create("Shebao Counter DEMO CA (demo only)");
        char[] password = randomPassword();
        Files.writeString(secret, new String(password), StandardCharsets.US_ASCII);
        KeyStores.write(ca.toKeyStore(password), store, password);
        Files.writeString(pki.resolve(CA_FILE), Pem.of(ca.certificate()), StandardCharsets.US_ASCII);
        return ca;
    }

    private static char[] randomPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random).toCharArray();
    }
}
