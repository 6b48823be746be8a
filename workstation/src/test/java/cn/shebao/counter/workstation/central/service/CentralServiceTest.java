package cn.shebao.counter.workstation.central.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.central.CommandApplier;
import cn.shebao.counter.workstation.central.JdbcChangeSource;
import cn.shebao.counter.workstation.central.JdbcSnapshotSource;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.pki.CertificateAuthority;
import cn.shebao.counter.workstation.pki.KeyStores;
import cn.shebao.counter.workstation.pki.NodeKeys;
import cn.shebao.counter.workstation.schema.ReplicatedTables;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.sync.ServiceClient;
import cn.shebao.counter.workstation.testing.TestCentral;
import cn.shebao.counter.workstation.testing.TestPostgres;
import cn.shebao.counter.workstation.wire.ApiVersion;
import cn.shebao.counter.workstation.wire.ApplyResult;
import cn.shebao.counter.workstation.wire.CentralUnavailableException;
import cn.shebao.counter.workstation.wire.ChangePage;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The central service over real mutual TLS in front of a real PostgreSQL: who may talk to it, that the node comes
 * from the certificate and never from the request, and that what a workstation receives through it is exactly
 * what the database holds.
 */
class CentralServiceTest {

    @TempDir
    static Path tmp;

    private static TestPostgres pg;
    private static TestCentral central;

    @BeforeAll
    static void start() throws Exception {
        pg = TestPostgres.createDatabase();
        central = TestCentral.start(pg.dataSource(), tmp.resolve("pki"));
        try (SessionFactory sessions = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).create(pg.dataSource())) {
            new DemoDataGenerator(new DemoDataGenerator.Settings(11, 100, LocalDate.of(2026, 11, 1), 3, 60))
                    .generate(new HibernateDemoSink(sessions), (d, t, r) -> { });
        }
    }

    @AfterAll
    static void stop() throws Exception {
        central.close();
        pg.close();
    }

    /** A client certificate the centre's CA signed for {@code node}, valid in the given window, recorded as issued. */
    private static TestCentral.Machine machine(String node, Instant notBefore, Instant notAfter, CertificateAuthority signer,
            boolean record) throws Exception {
        KeyPair keys = NodeKeys.generate();
        X509Certificate cert = signer.issueClient(NodeKeys.request(keys, node), node, notBefore, notAfter);
        if (record) {
            central.machines().recordIssued(cert, MachineRegistry.Kind.COUNTER, "TEST");
        }
        char[] password = "p".toCharArray();
        return new TestCentral.Machine(ServiceClient.tls(KeyStores.withKey("node", keys.getPrivate(), password, cert,
                signer.certificate()), password, KeyStores.trusting(central.ca().certificate())), keys.getPrivate());
    }

    private static TestCentral.Machine machine(String node) throws Exception {
        return machine(node, Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plus(Duration.ofDays(1)), central.ca(), true);
    }

    private static ServiceClient client(TestCentral.Machine machine) {
        return machine.at(URI.create(central.url()));
    }

    private static ServiceClient client(SSLContext tls) {
        return new ServiceClient(URI.create(central.url()), tls);
    }

    private static long appliedCommands(String node) throws Exception {
        try (Connection c = pg.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM applied_command WHERE node_code = ?")) {
            ps.setString(1, node);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static CommandEnvelope command(String node, long sequence, String type, String payload) {
        return new CommandEnvelope(node, sequence, UUID.randomUUID(), type, 1, payload, UUID.randomUUID(), "clerk");
    }

    @Test
    void anEnrolledMachineIsServedAndWhatItReceivesIsExactlyWhatTheDatabaseHolds() throws Exception {
        ServiceClient service = client(machine("SVC-01"));
        JdbcSnapshotSource direct = new JdbcSnapshotSource(pg.dataSource());
        assertThat(service.snapshotSequence()).isEqualTo(direct.snapshotSequence());
        for (String table : ReplicatedTables.IN_ORDER) {
            assertThat(service.count(table)).as(table).isEqualTo(direct.count(table));
            List<Map<String, Object>> viaService = service.page(table, null, 40);
            assertThat(viaService).as(table).isEqualTo(direct.page(table, null, 40));
            if (!viaService.isEmpty()) {
                UUID after = (UUID) viaService.get(viaService.size() - 1).get("id");
                assertThat(service.page(table, after, 40)).as(table).isEqualTo(direct.page(table, after, 40));
            }
        }
        // Some central changes (a supervisor's edit arriving from elsewhere), then the same page both ways.
        try (SessionFactory sessions = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).create(pg.dataSource())) {
            List<UUID> ids = sessions.fromTransaction(s -> s.createSelectionQuery("select id from InsuredPerson order by id", UUID.class)
                    .setMaxResults(5).getResultList());
            cn.shebao.counter.workstation.command.ChangeLog log = new cn.shebao.counter.workstation.command.ChangeLog(Clock.systemUTC());
            sessions.inTransaction(s -> {
                for (UUID id : ids) {
                    cn.shebao.counter.workstation.citizen.InsuredPerson p = s.find(cn.shebao.counter.workstation.citizen.InsuredPerson.class, id);
                    p.setPhone("13900000000");
                    s.flush();
                    log.record(s, "insured_person", id, p.getRowVersion(), cn.shebao.counter.workstation.command.ChangeLogEntry.Operation.UPSERT, null);
                }
            });
        }
        ChangePage viaService = service.changesAfter(0, 100);
        ChangePage viaDatabase = new JdbcChangeSource(pg.dataSource()).changesAfter(0, 100);
        assertThat(viaService.entries()).hasSizeGreaterThanOrEqualTo(5).isEqualTo(viaDatabase.entries());
        assertThat(viaService.rows()).isEqualTo(viaDatabase.rows());
        assertThat(Duration.between(service.centralNow(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void noCertificateAForeignCaAnExpiredAndAnUnrecordedCertificateAreRefused() throws Exception {
        KeyPair none = null;
        assertThat(none).isNull();
        ServiceClient anonymous = client(ServiceClient.tls(null, null, KeyStores.trusting(central.ca().certificate())));
        assertThatThrownBy(() -> anonymous.changesAfter(0, 10)).isInstanceOfSatisfying(ServiceClient.ServiceRefusal.class,
                r -> assertThat(r.code()).isEqualTo("CERTIFICATE_REQUIRED"));

        // Another CA's certificate, for a node code central knows: never accepted as that node.
        machine("SVC-02");
        CertificateAuthority impostor = CertificateAuthority.create("Impostor CA");
        ServiceClient foreign = client(machine("SVC-02", Instant.now().minusSeconds(60), Instant.now().plusSeconds(86_400), impostor, false));
        assertThatThrownBy(() -> foreign.push(List.of(command("SVC-02", 1, "NO_SUCH_TYPE", "{}"))))
                .isInstanceOfAny(ServiceClient.ServiceRefusal.class, CentralUnavailableException.class);

        ServiceClient expired = client(machine("SVC-03", Instant.now().minus(Duration.ofDays(10)), Instant.now().minus(Duration.ofDays(1)),
                central.ca(), true));
        assertThatThrownBy(() -> expired.push(List.of(command("SVC-03", 1, "NO_SUCH_TYPE", "{}"))))
                .isInstanceOfAny(ServiceClient.ServiceRefusal.class, CentralUnavailableException.class);

        // Signed by the centre's CA but never issued through enrolment (a copied CA key would give this): unknown.
        ServiceClient unrecorded = client(machine("SVC-04", Instant.now().minusSeconds(60), Instant.now().plusSeconds(86_400), central.ca(), false));
        assertThatThrownBy(() -> unrecorded.changesAfter(0, 1)).isInstanceOfSatisfying(ServiceClient.ServiceRefusal.class,
                r -> assertThat(r.code()).isEqualTo("NODE_UNKNOWN"));
        assertThat(appliedCommands("SVC-02")).isZero();
        assertThat(appliedCommands("SVC-03")).isZero();
    }

    @Test
    void aRevokedMachineIsRefusedAtItsNextRequest() throws Exception {
        ServiceClient service = client(machine("SVC-05"));
        assertThat(service.changesAfter(0, 1).entries()).isNotNull();
        assertThat(central.machines().revoke("SVC-05", "stolen")).isEqualTo(1);
        assertThatThrownBy(() -> service.changesAfter(0, 1)).isInstanceOfSatisfying(ServiceClient.ServiceRefusal.class,
                r -> assertThat(r.code()).isEqualTo("NODE_REVOKED"));
        assertThatThrownBy(() -> service.push(List.of(command("SVC-05", 1, "NO_SUCH_TYPE", "{}"))))
                .isInstanceOf(ServiceClient.ServiceRefusal.class);
        assertThat(appliedCommands("SVC-05")).isZero();
    }

    /** Every batch carries the machine key's signature over its bytes: none, or another key's, is refused whole. */
    @Test
    void aBatchNotSignedByTheMachinesOwnKeyIsRefusedWhole() throws Exception {
        TestCentral.Machine machine = machine("SVC-11");
        ServiceClient unsigned = new ServiceClient(URI.create(central.url()), machine.tls());
        assertThatThrownBy(() -> unsigned.push(List.of(command("SVC-11", 1, "NO_SUCH_TYPE", "{}"))))
                .isInstanceOfSatisfying(ServiceClient.ServiceRefusal.class, r -> assertThat(r.code()).isEqualTo("BATCH_SIGNATURE"));
        ServiceClient otherKey = unsigned.signingBatchesWith(NodeKeys.generate().getPrivate());
        assertThatThrownBy(() -> otherKey.push(List.of(command("SVC-11", 1, "NO_SUCH_TYPE", "{}"))))
                .isInstanceOfSatisfying(ServiceClient.ServiceRefusal.class, r -> assertThat(r.code()).isEqualTo("BATCH_SIGNATURE"));
        assertThat(appliedCommands("SVC-11")).isZero();
        // The test can see the difference: its own key's signature is answered.
        assertThat(client(machine).push(List.of(command("SVC-11", 1, "NO_SUCH_TYPE", "{}")))).extracting(ApplyResult::status)
                .containsExactly(ApplyResult.Status.REFUSED_UNKNOWN_COMMAND);
    }

    @Test
    void aBatchClaimingAnotherNodeIsRefusedWholeAndChangesNothing() throws Exception {
        machine("SVC-07");
        ServiceClient six = client(machine("SVC-06"));
        assertThatThrownBy(() -> six.push(List.of(command("SVC-07", 1, "CONFLICT_RESOLVED", "{}"))))
                .isInstanceOfSatisfying(ServiceClient.ServiceRefusal.class, r -> assertThat(r.code()).isEqualTo("NODE_MISMATCH"));
        assertThatThrownBy(() -> six.push(List.of(command("SVC-06", 1, "NO_SUCH_TYPE", "{}"), command("SVC-07", 1, "NO_SUCH_TYPE", "{}"))))
                .isInstanceOf(ServiceClient.ServiceRefusal.class);
        assertThat(appliedCommands("SVC-06")).isZero();
        assertThat(appliedCommands("SVC-07")).isZero();
    }

    @Test
    void aMalformedPayloadBecomesAConflictAndTheQueueMovesOn() throws Exception {
        ServiceClient service = client(machine("SVC-08"));
        UUID supervisor;
        try (Connection c = pg.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM staff_user WHERE username = 'zhaomin'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            supervisor = rs.getObject(1, UUID.class);
        }
        List<ApplyResult> results = service.push(List.of(
                new CommandEnvelope("SVC-08", 1, UUID.randomUUID(), "CONFLICT_RESOLVED", 1, "this is not JSON", supervisor, "zhaomin"),
                new CommandEnvelope("SVC-08", 2, UUID.randomUUID(), "CONFLICT_RESOLVED", 1,
                        "{\"conflictId\":\"not-a-uuid\",\"resolvedBy\":\"not-a-uuid-either\"}", supervisor, "zhaomin"),
                command("SVC-08", 3, "NO_SUCH_TYPE", "{}")));
        assertThat(results).extracting(ApplyResult::status).containsExactly(ApplyResult.Status.CONFLICT, ApplyResult.Status.CONFLICT,
                ApplyResult.Status.REFUSED_UNKNOWN_COMMAND);
        assertThat(results).extracting(ApplyResult::detail).startsWith(CommandApplier.MALFORMED, CommandApplier.MALFORMED);
        assertThat(appliedCommands("SVC-08")).isEqualTo(2);
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM sync_conflict WHERE node_code = 'SVC-08' AND conflict_kind = ?")) {
            ps.setString(1, CommandApplier.MALFORMED);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2); // a dead letter supervisors and IT see in the conflict queue
            }
        }
    }

    @Test
    void twoInstancesOnOneDatabaseApplyOneNodesCommandsOnceAndInOrder() throws Exception {
        TestCentral.Machine tls = machine("SVC-09");
        try (CentralService second = central.secondInstance(pg.dataSource())) {
            ServiceClient one = client(tls);
            ServiceClient two = tls.at(URI.create("https://127.0.0.1:" + second.port()));
            List<CommandEnvelope> sent = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                sent.add(command("SVC-09", i, "CONFLICT_RESOLVED", "{}"));
            }
            for (int i = 0; i < 20; i += 2) {
                // Each batch goes to one instance and is repeated at the other, as a retry after a lost answer would be.
                ServiceClient first = i % 4 == 0 ? one : two;
                ServiceClient other = first == one ? two : one;
                assertThat(first.push(sent.subList(i, i + 2))).extracting(r -> r.status().acknowledged()).containsExactly(true, true);
                assertThat(other.push(sent.subList(i, i + 2))).extracting(ApplyResult::status)
                        .containsOnly(ApplyResult.Status.DUPLICATE_CONFLICT);
            }
            // A gap is refused by either instance.
            assertThat(two.push(List.of(command("SVC-09", 25, "CONFLICT_RESOLVED", "{}")))).extracting(ApplyResult::status)
                    .containsExactly(ApplyResult.Status.REFUSED_GAP);
        }
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT sequence_number FROM applied_command WHERE node_code = 'SVC-09' ORDER BY sequence_number")) {
            List<Long> sequences = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sequences.add(rs.getLong(1));
                }
            }
            assertThat(sequences).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
        }
    }

    @Test
    void anotherApiVersionIsRefusedWithItsOwnAnswerAndHealthNeedsNoCertificate() throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(machine("SVC-10").tls()).build();
        HttpResponse<String> old = http.send(HttpRequest.newBuilder(URI.create(central.url() + ApiVersion.PREFIX + "/time"))
                .header(ApiVersion.HEADER, "0").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(old.statusCode()).isEqualTo(ApiVersion.REFUSED_STATUS);
        assertThat(old.body()).contains("API_VERSION");
        HttpClient anonymous = HttpClient.newBuilder()
                .sslContext(ServiceClient.tls(null, null, KeyStores.trusting(central.ca().certificate()))).build();
        HttpResponse<String> health = anonymous.send(HttpRequest.newBuilder(URI.create(central.url() + ApiVersion.PREFIX + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        HttpResponse<String> ready = anonymous.send(HttpRequest.newBuilder(URI.create(central.url() + ApiVersion.PREFIX + "/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("ready");
    }
}
