package cn.shebao.counter.workstation.central.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.demo.DemoCards;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.identity.IdentityConfirmations;
import cn.shebao.counter.workstation.pki.CertificateAuthority;
import cn.shebao.counter.workstation.pki.KeyStores;
import cn.shebao.counter.workstation.pki.NodeKeys;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.security.LoginPolicy;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.sync.Backoff;
import cn.shebao.counter.workstation.sync.InitialLoad;
import cn.shebao.counter.workstation.sync.Puller;
import cn.shebao.counter.workstation.sync.Pusher;
import cn.shebao.counter.workstation.sync.ServiceClient;
import cn.shebao.counter.workstation.sync.SyncEngine;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.Eventually;
import cn.shebao.counter.workstation.testing.TestPostgres;
import cn.shebao.counter.workstation.wire.ApiVersion;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import javax.net.ssl.SSLContext;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production `central serve`, in a child JVM with its configuration file, secrets in the environment and a
 * `verify-full` connection to PostgreSQL, killed with SIGKILL in the middle of a 1,000-command batch and started
 * again: nothing is lost, nothing is applied twice, and the commands central committed before it died come back as
 * duplicates when the workstation sends them again.
 */
class KillServiceTest {

    private static final String NODE = "KILLSVC-01";
    private static final String SECRET = "kill-test-secret";

    @TempDir
    Path tmp;

    @Test
    void killedMidBatchLosesAndDuplicatesNothing() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase()) {
            Hall hall = prepare(pg);
            Path config = hall.config();
            int port = hall.port();
            SSLContext tls = hall.tls();
            KeyPair keys = hall.keys();
            ServiceClient client = new ServiceClient(hall.url(), tls).signingBatchesWith(keys.getPrivate());

            Process service = serve(config, pg, port, tls);
            try (Replica replica = Replica.open(new DataDirectory(tmp.resolve("ws")), new KeyStoreKeyProtector(tmp.resolve("keys"),
                    "kill".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
                new InitialLoad(client, replica.dataSource(), 1000).run(x -> { });
                Outbox outbox = queue(replica, 1000);
                Pusher pusher = new Pusher(outbox, client, NODE);
                CompletableFuture<Pusher.Report> batch = CompletableFuture.supplyAsync(() -> pusher.push(1000));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (applied(pg) < 100) {
                    assertThat(System.nanoTime()).as("the service applies the batch").isLessThan(deadline);
                    try {
                        batch.get(20, TimeUnit.MILLISECONDS);
                        throw new AssertionError("the whole batch was applied before the kill could interrupt it");
                    } catch (java.util.concurrent.TimeoutException stillRunning) {
                        // the batch is still being applied: look again
                    }
                }
                service.destroyForcibly(); // SIGKILL mid-batch
                assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
                Pusher.Report cut = batch.get(60, TimeUnit.SECONDS);
                long committedBeforeKill = applied(pg);
                assertThat(cut.error()).as("the kill interrupted the batch").isNotNull();
                assertThat(committedBeforeKill).as("central committed part of the batch before it died").isBetween(100L, 999L);
                assertThat(outbox.pendingCount()).as("the workstation never heard those answers").isEqualTo(1000);

                service = serve(config, pg, port, tls);
                while (outbox.pendingCount() > 0) {
                    assertThat(pusher.push(1000).complete()).isTrue();
                }
                long duplicates = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                        "select count(*) from OutboxCommand where resultCode = 'DUPLICATE_APPLIED'", Long.class).getSingleResult());
                assertThat(duplicates).as("answered from the stored results").isEqualTo(committedBeforeKill);
                assertThat(sequences(pg)).containsExactlyElementsOf(LongStream.rangeClosed(1, 1000).boxed().toList());
                long confirmations;
                try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM identity_confirmation WHERE workstation_code = ?")) {
                    ps.setString(1, NODE);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        confirmations = rs.getLong(1);
                    }
                }
                assertThat(confirmations).isEqualTo(1000);
            } finally {
                service.destroyForcibly();
                service.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The central side as `central init-pki` and `enrol` leave it, and this test's node registered with a key. */
    private record Hall(Path config, int port, SSLContext tls, KeyPair keys, URI url) {
    }

    private Hall prepare(TestPostgres pg) throws Exception {
        Migrations.migrate(pg.dataSource(), Migrations.Role.CENTRAL);
        try (SessionFactory sessions = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).create(pg.dataSource())) {
            new DemoDataGenerator(new DemoDataGenerator.Settings(31, 120, DemoReplica.AS_OF, 3, 60))
                    .generate(new HibernateDemoSink(sessions), (d, t, r) -> { });
        }
        // What `central init-pki` writes (that command reads its passwords from the environment, which a test
        // cannot set for its own process).
        Path pki = tmp.resolve("pki");
        CertificateAuthority made = CertificateAuthority.create("Kill Test CA");
        KeyStores.write(made.toKeyStore(SECRET.toCharArray()), pki.resolve("ca.p12"), SECRET.toCharArray());
        KeyStores.write(made.issueServer(List.of("127.0.0.1"), Duration.ofDays(1), SECRET.toCharArray()), pki.resolve("service.p12"),
                SECRET.toCharArray());
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path config = tmp.resolve("central.properties");
        Files.writeString(config, String.join("\n", "listen.host=127.0.0.1", "listen.port=" + port,
                "database.url=" + pg.verifiedTlsUrl(), "database.user=" + pg.user(), "tls.keystore=pki/service.p12",
                "ca.keystore=pki/ca.p12", ""), StandardCharsets.UTF_8);
        char[] caPassword = SECRET.toCharArray();
        CertificateAuthority ca = CertificateAuthority.from(KeyStores.read(pki.resolve("ca.p12"), caPassword), caPassword);
        MachineRegistry registry = new MachineRegistry(pg.dataSource(), ca, Clock.systemUTC(), node -> { });
        KeyPair keys = NodeKeys.generate();
        X509Certificate cert = ca.issueClient(NodeKeys.request(keys, NODE), NODE, Instant.now().minusSeconds(60), Instant.now().plusSeconds(86_400));
        registry.recordIssued(cert, MachineRegistry.Kind.COUNTER, "TEST");
        try (SessionFactory sessions = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).create(pg.dataSource())) {
            new cn.shebao.counter.workstation.central.CommandApplier(sessions, java.util.Map.of(), Clock.systemUTC(),
                    TimeOrderedIds.system()).register(NODE);
        }
        char[] p = "node".toCharArray();
        SSLContext tls = ServiceClient.tls(KeyStores.withKey("node", keys.getPrivate(), p, cert, ca.certificate()), p,
                KeyStores.trusting(ca.certificate()));
        return new Hall(config, port, tls, keys, URI.create("https://127.0.0.1:" + port));
    }

    /**
     * Issue 18: a central that is frozen (SIGSTOP: connections are still accepted, nothing answers) is shown offline
     * within the answer window, while the request still waits (its timeout is minutes away), and the queue keeps
     * being counted; thawed, the same request is answered and the queue drains.
     */
    @Test
    void aFrozenServiceIsShownOfflineWhileItsRequestWaitsAndTheQueueKeepsCounting() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase()) {
            Hall hall = prepare(pg);
            // A request timeout far beyond the test's waits: only the watchdog can make the status go offline.
            ServiceClient client = new ServiceClient(hall.url(), hall.tls(), Duration.ofSeconds(5), Duration.ofMinutes(5))
                    .signingBatchesWith(hall.keys().getPrivate());
            Process service = serve(hall.config(), pg, hall.port(), hall.tls());
            try (Replica replica = Replica.open(new DataDirectory(tmp.resolve("ws")), new KeyStoreKeyProtector(tmp.resolve("keys"),
                    "frozen".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
                new InitialLoad(client, replica.dataSource(), 1000).run(x -> { });
                Outbox outbox = new Outbox(replica.sessions(), Clock.systemUTC(), TimeOrderedIds.system());
                List<SyncEngine.Status> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
                try (SyncEngine engine = new SyncEngine(outbox, new Pusher(outbox, client, NODE),
                        new Puller(client, replica.dataSource(), 1000, Clock.systemUTC()), Clock.systemUTC(), Duration.ofMillis(300),
                        new Backoff(Duration.ofMillis(300), Duration.ofSeconds(2), new java.util.Random(7)), Duration.ofSeconds(2))
                        .watchingAnswersOf(client::waitingSince)) {
                    engine.addListener(seen::add);
                    engine.start();
                    Eventually.until("online", Duration.ofSeconds(60), () -> engine.status().online());

                    signal("STOP", service);
                    Outbox queued = queue(replica, 2);
                    long waiting = queued.pendingCount();
                    assertThat(waiting).isPositive();
                    Eventually.until("shown offline with the queue counted", Duration.ofSeconds(60), () -> {
                        SyncEngine.Status s = engine.status();
                        return !s.online() && s.problem() == SyncEngine.Problem.UNREACHABLE && s.pending() == waiting;
                    });
                    assertThat(engine.roundInProgress()).as("the round still waits for the frozen service").isTrue();
                    assertThat(client.waitingSince()).as("a request is still in flight, not timed out").isNotZero();
                    assertThat(engine.status().detail()).contains("no answer");

                    signal("CONT", service);
                    Eventually.until("online again and drained", Duration.ofSeconds(60),
                            () -> engine.status().online() && engine.status().pending() == 0);
                    assertThat(applied(pg)).isEqualTo(waiting);
                    assertThat(seen).anySatisfy(s -> assertThat(s.online()).isFalse());
                }
            } finally {
                // Thawed before it is killed, so a failure above never leaves a stopped process behind.
                new ProcessBuilder("kill", "-CONT", Long.toString(service.pid())).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
                service.destroyForcibly();
                service.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void signal(String signal, Process process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -%s", signal).isZero();
    }

    /** `shebao-counter central serve` in a child JVM; returns once its health endpoint answers. */
    private Process serve(Path config, TestPostgres pg, int port, SSLContext tls) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "cn.shebao.counter.workstation.launcher.ShebaoCounter",
                "--data-dir", tmp.resolve("service-home").toString(), "central", "serve", "--config", config.toString());
        pb.environment().put("SHEBAO_DB_PASSWORD", new String(pg.password()));
        pb.environment().put("SHEBAO_TLS_PASSWORD", SECRET);
        pb.environment().put("SHEBAO_CA_PASSWORD", SECRET);
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("service-" + System.nanoTime() + ".log").toFile());
        Process p = pb.start();
        HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            assertThat(p.isAlive()).as("the service process runs").isTrue();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + ApiVersion.PREFIX + "/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return p;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("the service became ready").isLessThan(deadline);
            p.waitFor(200, TimeUnit.MILLISECONDS); // waits on the process, returning early if it died
        }
    }

    private static Outbox queue(Replica replica, int commands) {
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(replica.sessions(), clock, TimeOrderedIds.system(), NODE);
        Outbox outbox = new Outbox(replica.sessions(), clock, TimeOrderedIds.system());
        IdentityConfirmations confirmations = new IdentityConfirmations(replica.sessions(), new StaffAuthenticator(replica.sessions(),
                new PasswordHasher(), audit, clock, LoginPolicy.standard()), outbox, audit, clock, TimeOrderedIds.system(), NODE);
        List<InsuredPerson> people = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                "from InsuredPerson order by citizenIdNumber", InsuredPerson.class).getResultList());
        var clerk = DemoReplica.staff(replica.sessions(), "chenjing");
        for (int i = 0; i < commands; i++) {
            InsuredPerson person = people.get(i % people.size());
            confirmations.confirmByCard(clerk, person.getId(), DemoCards.cardOf(person), IdentityConfirmations.FaceCheck.MATCHES);
        }
        return outbox;
    }

    private static long applied(TestPostgres pg) throws Exception {
        return sequences(pg).size();
    }

    private static List<Long> sequences(TestPostgres pg) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT sequence_number FROM applied_command WHERE node_code = ? ORDER BY sequence_number")) {
            ps.setString(1, NODE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }
}
