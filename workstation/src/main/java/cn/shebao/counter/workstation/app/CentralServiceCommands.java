package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.central.AuditChains;
import cn.shebao.counter.workstation.central.CommandHandlers;
import cn.shebao.counter.workstation.central.service.CentralService;
import cn.shebao.counter.workstation.central.service.MachineRegistry;
import cn.shebao.counter.workstation.central.service.ServiceConfig;
import cn.shebao.counter.workstation.central.service.ServicePool;
import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.pki.CertificateAuthority;
import cn.shebao.counter.workstation.pki.KeyStores;
import cn.shebao.counter.workstation.pki.Pem;
import cn.shebao.counter.workstation.store.DriverDataSource;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The central service's own commands: make the centre's PKI, serve, open enrolment codes, revoke a machine. The
 * secrets come from the environment ({@link ServiceConfig}), never from the command line other users can read.
 */
final class CentralServiceCommands {

    private CentralServiceCommands() {
    }

    private static char[] env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isEmpty()) {
            throw new CommandLine.ParameterException(new CommandLine(new Object()), "environment variable " + name + " is not set");
        }
        return v.toCharArray();
    }

    @Command(name = "init-pki", mixinStandardHelpOptions = true,
            description = "Create the centre's CA and the service's TLS certificate (passwords from $SHEBAO_CA_PASSWORD, $SHEBAO_TLS_PASSWORD).")
    static final class InitPki implements Callable<Integer> {
        @Option(names = "--dir", required = true, description = "Directory for ca.p12, service.p12 and centre-ca.pem.")
        Path dir;

        @Option(names = "--host", required = true, description = "A host name or address workstations use to reach the service (repeatable).")
        List<String> hosts;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (Files.exists(dir.resolve("ca.p12"))) {
                spec.commandLine().getErr().println("ca.p12 exists already in " + dir + "; refusing to replace the centre's CA");
                return 2;
            }
            char[] caPassword = env(ServiceConfig.CA_PASSWORD_ENV);
            char[] tlsPassword = env(ServiceConfig.TLS_PASSWORD_ENV);
            CertificateAuthority ca = CertificateAuthority.create("Shebao Counter Centre CA");
            KeyStores.write(ca.toKeyStore(caPassword), dir.resolve("ca.p12"), caPassword);
            KeyStores.write(ca.issueServer(hosts, Duration.ofDays(825), tlsPassword), dir.resolve("service.p12"), tlsPassword);
            Files.writeString(dir.resolve("centre-ca.pem"), Pem.of(ca.certificate()), StandardCharsets.US_ASCII);
            PrintWriter out = spec.commandLine().getOut();
            out.println("CA, service certificate (" + String.join(", ", hosts) + ") and centre-ca.pem written to " + dir);
            out.println("Give centre-ca.pem to IT for every workstation; keep ca.p12 on the service hosts only.");
            return 0;
        }
    }

    /** The service's configuration file. */
    static final class ConfigOption {
        @Option(names = "--config", required = true, description = "The service's properties file (see README).")
        Path file;

        ServiceConfig read() throws IOException {
            return ServiceConfig.read(file, System.getenv());
        }
    }

    /** The database, with timeouts so a blackholed network fails a request in seconds instead of hanging a thread. */
    static DriverDataSource database(ServiceConfig c) {
        char[] password = c.databasePassword().clone();
        return new DriverDataSource(c.databaseUrl(), () -> {
            Properties p = new Properties();
            p.setProperty("user", c.databaseUser());
            p.setProperty("password", new String(password));
            if (c.databaseUrl().startsWith("jdbc:postgresql:")) {
                p.setProperty("connectTimeout", "5");
                p.setProperty("socketTimeout", "30");
            }
            return p;
        });
    }

    static CertificateAuthority ca(ServiceConfig c) {
        return CertificateAuthority.from(KeyStores.read(c.caKeyStore(), c.caKeyStorePassword()), c.caKeyStorePassword());
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the central service (HTTPS, mutual TLS).")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigOption config;

        @Override
        public Integer call() throws Exception {
            ServiceConfig c = config.read();
            CountDownLatch stopped = new CountDownLatch(1);
            try (HikariDataSource pool = ServicePool.of(database(c), 16);
                    CentralService service = CentralService.start(c.host(), c.port(), pool,
                            KeyStores.read(c.serviceKeyStore(), c.serviceKeyStorePassword()), c.serviceKeyStorePassword(), ca(c),
                            CommandHandlers::all, Clock.systemUTC(), c.policy())) {
                Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "central-service-stop"));
                System.out.println("central service listening on " + c.host() + ":" + service.port());
                stopped.await();
            }
            return 0;
        }
    }

    @Command(name = "enrolment-code", mixinStandardHelpOptions = true,
            description = "Open a one-time enrolment code for a machine (shown once).")
    static final class EnrolmentCode implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigOption config;

        @Option(names = "--node", required = true, description = "The machine's node code, e.g. HZ-XH-03.")
        String node;

        @Option(names = "--kind", defaultValue = "counter", description = "counter, kiosk or hall (default ${DEFAULT-VALUE}).")
        String kind;

        @Option(names = "--site", description = "The service hall, e.g. XH.")
        String site;

        @Option(names = "--valid-hours", defaultValue = "24")
        int hours;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!node.matches("[A-Za-z0-9-]{2,20}")) {
                spec.commandLine().getErr().println("a node code has 2 to 20 letters, digits or hyphens");
                return 2;
            }
            ServiceConfig c = config.read();
            MachineRegistry registry = new MachineRegistry(database(c), ca(c), Clock.systemUTC(), n -> { });
            String code = registry.openCode(node, MachineRegistry.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), site, Duration.ofHours(hours));
            spec.commandLine().getOut().println("enrolment code for " + node + " (valid " + hours + " h, once): " + code);
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a machine's certificates (a stolen PC).")
    static final class Revoke implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigOption config;

        @Option(names = "--node", required = true)
        String node;

        @Option(names = "--reason", required = true)
        String reason;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ServiceConfig c = config.read();
            int n = new MachineRegistry(database(c), ca(c), Clock.systemUTC(), x -> { }).revoke(node, reason);
            spec.commandLine().getOut().println(Messages.format(Locale.getDefault(),
                    n > 0 ? "central.revoked" : "central.revokedNone", n, node));
            return n > 0 ? 0 : 1;
        }
    }

    /** Exit status 0 when every workstation's chain verified whole, 3 when any has a break (as `audit verify`). */
    @Command(name = "audit-status", mixinStandardHelpOptions = true,
            description = "Show each workstation's audit chain as central verified it, and any break. Exit 3 on a break.")
    static final class AuditStatus implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigOption config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Locale locale = Locale.getDefault();
            PrintWriter out = spec.commandLine().getOut();
            boolean broken = false;
            for (AuditChains.State state
                    : new AuditChains(database(config.read())).all()) {
                broken |= !state.intact();
                out.println(state.intact()
                        ? Messages.format(locale, "central.auditStatus.intact", state.workstationCode(),
                                state.verified(), state.received())
                        : Messages.format(locale, "central.auditStatus.broken", state.workstationCode(),
                                state.verified(), state.received(), Messages.format(locale,
                                        "audit.chain." + state.problemKind()), state.problemSequence()));
            }
            return broken ? 3 : 0;
        }
    }
}
