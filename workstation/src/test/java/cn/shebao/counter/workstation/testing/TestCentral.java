package cn.shebao.counter.workstation.testing;

import cn.shebao.counter.workstation.app.CommandHandlers;
import cn.shebao.counter.workstation.central.service.CentralService;
import cn.shebao.counter.workstation.central.service.MachineRegistry;
import cn.shebao.counter.workstation.pki.CertificateAuthority;
import cn.shebao.counter.workstation.pki.Pem;
import cn.shebao.counter.workstation.store.Migrations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * The real central service for tests: a fresh CA, the service on a free loopback port over the given database
 * (migrated here), and its CA certificate in a file as IT would hand it out.
 */
public final class TestCentral implements AutoCloseable {

    private final CertificateAuthority ca;
    private final CentralService service;
    private final Path caFile;

    private TestCentral(CertificateAuthority ca, CentralService service, Path caFile) {
        this.ca = ca;
        this.service = service;
        this.caFile = caFile;
    }

    public static TestCentral start(DataSource database, Path directory) throws Exception {
        return start(database, directory, CertificateAuthority.create("Test Centre CA"), Clock.systemUTC());
    }

    public static TestCentral start(DataSource database, Path directory, CertificateAuthority ca, Clock clock) throws Exception {
        Migrations.migrate(database, Migrations.Role.CENTRAL);
        Files.createDirectories(directory);
        Path caFile = directory.resolve("centre-ca.pem");
        Files.writeString(caFile, Pem.of(ca.certificate()), StandardCharsets.US_ASCII);
        char[] password = "test-tls".toCharArray();
        CentralService service = CentralService.start("127.0.0.1", 0, database,
                ca.issueServer(List.of("127.0.0.1", "localhost"), Duration.ofDays(1), password), password, ca, CommandHandlers::all, clock);
        return new TestCentral(ca, service, caFile);
    }

    public String url() {
        return "https://127.0.0.1:" + service.port();
    }

    public int port() {
        return service.port();
    }

    public Path caFile() {
        return caFile;
    }

    public CertificateAuthority ca() {
        return ca;
    }

    public MachineRegistry machines() {
        return service.machines();
    }

    public String openCode(String node) throws java.sql.SQLException {
        return machines().openCode(node, MachineRegistry.Kind.COUNTER, "TEST", Duration.ofHours(1));
    }

    @Override
    public void close() throws Exception {
        service.close();
    }
}
