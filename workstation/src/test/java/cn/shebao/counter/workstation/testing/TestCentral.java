package cn.shebao.counter.workstation.testing;

import cn.shebao.counter.workstation.central.CommandHandlers;
import cn.shebao.counter.workstation.central.service.CentralService;
import cn.shebao.counter.workstation.central.service.MachineRegistry;
import cn.shebao.counter.workstation.central.service.ServicePool;
import cn.shebao.counter.workstation.pki.CertificateAuthority;
import cn.shebao.counter.workstation.pki.KeyStores;
import cn.shebao.counter.workstation.pki.NodeKeys;
import cn.shebao.counter.workstation.pki.Pem;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.sync.ServiceClient;
import cn.shebao.counter.workstation.wire.CentrePolicy;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.sql.DataSource;

/**
 * The real central service for tests: a fresh CA, the service on a free loopback port over the given database
 * (migrated here), and its CA certificate in a file as IT would hand it out.
 */
public final class TestCentral implements AutoCloseable {

    private final CertificateAuthority ca;
    private final CentralService service;
    private final Path caFile;
    private final HikariDataSource pool;

    private TestCentral(CertificateAuthority ca, CentralService service, Path caFile, HikariDataSource pool) {
        this.ca = ca;
        this.service = service;
        this.caFile = caFile;
        this.pool = pool;
    }

    public static TestCentral start(DataSource database, Path directory) throws Exception {
        return start(database, directory, CertificateAuthority.create("Test Centre CA"), Clock.systemUTC());
    }

    public static TestCentral start(DataSource database, Path directory, CertificateAuthority ca, Clock clock) throws Exception {
        Migrations.migrate(database, Migrations.Role.CENTRAL);
        return startMigrated(database, directory, ca, clock, CentrePolicy.DEFAULT);
    }

    /** The service with the centre's rules for the windows set as {@code central.properties} would. */
    public static TestCentral start(DataSource database, Path directory, CentrePolicy policy) throws Exception {
        Migrations.migrate(database, Migrations.Role.CENTRAL);
        return startMigrated(database, directory, CertificateAuthority.create("Test Centre CA"), Clock.systemUTC(), policy);
    }

    /** The service on a database the migration role already migrated, as its own (least-privilege) role. */
    public static TestCentral startMigrated(DataSource database, Path directory) throws Exception {
        return startMigrated(database, directory, CertificateAuthority.create("Test Centre CA"), Clock.systemUTC(), CentrePolicy.DEFAULT);
    }

    private static TestCentral startMigrated(DataSource database, Path directory, CertificateAuthority ca, Clock clock,
            CentrePolicy policy) throws Exception {
        Files.createDirectories(directory);
        Path caFile = directory.resolve("centre-ca.pem");
        Files.writeString(caFile, Pem.of(ca.certificate()), StandardCharsets.US_ASCII);
        char[] password = "test-tls".toCharArray();
        // Pooled as `central serve` is: a PostgreSQL connect per request would dominate every test's run time.
        HikariDataSource pool = ServicePool.of(database, 8);
        CentralService service = CentralService.start("127.0.0.1", 0, pool,
                ca.issueServer(List.of("127.0.0.1", "localhost"), Duration.ofDays(1), password), password, ca, CommandHandlers::all, clock,
                policy);
        return new TestCentral(ca, service, caFile, pool);
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

    /** A machine enrolled for {@code node}: its TLS and the key it signs its batches with. */
    public record Machine(SSLContext tls, java.security.PrivateKey key) {
        /** Its client of the instance at {@code url}, signing its batches as a workstation does. */
        public ServiceClient at(URI url) {
            return new ServiceClient(url, tls).signingBatchesWith(key);
        }

        public ServiceClient at(URI url, Duration connectTimeout, Duration requestTimeout) {
            return new ServiceClient(url, tls, connectTimeout, requestTimeout).signingBatchesWith(key);
        }
    }

    /** A machine enrolled for {@code node} (certificate issued and recorded), talking to this instance. */
    public ServiceClient machine(String node) throws java.sql.SQLException {
        return enrolled(node).at(URI.create(url()));
    }

    /** A counter enrolled for {@code node}, to talk to any instance on this CA. */
    public Machine enrolled(String node) throws java.sql.SQLException {
        return enrolled(node, MachineRegistry.Kind.COUNTER);
    }

    /** A machine of {@code kind} enrolled for {@code node}. */
    public Machine enrolled(String node, MachineRegistry.Kind kind) throws java.sql.SQLException {
        KeyPair keys = NodeKeys.generate();
        X509Certificate cert = ca.issueClient(NodeKeys.request(keys, node), node, Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(1)));
        machines().recordIssued(cert, kind, "TEST");
        char[] password = "machine".toCharArray();
        return new Machine(ServiceClient.tls(KeyStores.withKey("node", keys.getPrivate(), password, cert, ca.certificate()), password,
                KeyStores.trusting(ca.certificate())), keys.getPrivate());
    }

    /**
     * A machine enrolled for {@code node}, its key and certificate chain (with the CA) written to a PKCS#12 file, for
     * a workstation in a child JVM.
     */
    public void writeMachineKeyStore(String node, Path file, char[] password) throws java.sql.SQLException {
        KeyPair keys = NodeKeys.generate();
        X509Certificate cert = ca.issueClient(NodeKeys.request(keys, node), node, Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(1)));
        machines().recordIssued(cert, MachineRegistry.Kind.COUNTER, "TEST");
        KeyStores.write(KeyStores.withKey("node", keys.getPrivate(), password, cert, ca.certificate()), file, password);
    }

    /** The machine in a key store written by {@link #writeMachineKeyStore}. */
    public static Machine machine(Path file, char[] password) throws java.security.GeneralSecurityException {
        java.security.KeyStore store = KeyStores.read(file, password);
        java.security.cert.Certificate[] chain = store.getCertificateChain("node");
        return new Machine(ServiceClient.tls(store, password, KeyStores.trusting((X509Certificate) chain[chain.length - 1])),
                (java.security.PrivateKey) store.getKey("node", password));
    }

    /** A second instance of the service on the same database and CA (the caller closes it). */
    public CentralService secondInstance(DataSource database) throws Exception {
        char[] password = "second".toCharArray();
        return CentralService.start("127.0.0.1", 0, database, ca.issueServer(List.of("127.0.0.1"), Duration.ofDays(1), password), password,
                ca, CommandHandlers::all, Clock.systemUTC());
    }

    public String openCode(String node) throws java.sql.SQLException {
        return machines().openCode(node, MachineRegistry.Kind.COUNTER, "TEST", Duration.ofHours(1));
    }

    @Override
    public void close() throws Exception {
        try {
            service.close();
        } finally {
            pool.close();
        }
    }
}
