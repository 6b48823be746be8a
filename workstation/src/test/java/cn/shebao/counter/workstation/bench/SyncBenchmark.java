package cn.shebao.counter.workstation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.app.CentralConnection;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.command.ChangeLog;
import cn.shebao.counter.workstation.command.ChangeLogEntry;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.demo.DemoCards;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.identity.IdentityConfirmations;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.security.LoginPolicy;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.security.StaffSession;
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
import cn.shebao.counter.workstation.testing.TestCentral;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync figures through the central service over mutual TLS (issue 15), a real PostgreSQL behind it on loopback: the initial load into an encrypted replica
 * beside plain JDBC batch inserts of the same rows; draining 1,000 queued commands beside 1,000 plain
 * single-row transactions; and central-to-replica propagation with the background engine at its production
 * interval.
 */
@Tag("bench")
class SyncBenchmark {

    private static final List<String> TABLES = List.of("employer", "insured_person", "insurance_participation", "contribution",
            "pension_payment", "benefit_adjustment", "medical_reimbursement", "work_injury_claim", "maternity_benefit",
            "specified_disease_registration", "special_drug", "special_drug_application", "staff_user", "online_account",
            "identity_confirmation", "issued_document");

    @TempDir
    Path tmp;

    @Test
    void initialLoadDrainAndPropagation() throws Exception {
        int persons = Integer.getInteger("bench.syncPersons", 10_000);
        try (TestPostgres pg = TestPostgres.createDatabase()) {
            Migrations.migrate(pg.dataSource(), Migrations.Role.CENTRAL);
            new DemoDataGenerator(new DemoDataGenerator.Settings(2026, persons, DemoReplica.AS_OF, 24, 1000))
                    .generate(new JdbcBatchSink(pg.dataSource(), false), (d, t, r) -> { });
            try (SessionFactory central = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).create(pg.dataSource());
                    TestCentral service = TestCentral.start(pg.dataSource(), tmp.resolve("pki"))) {
                // Everything the workstation does goes through the central service over mutual TLS, as in production.
                ServiceClient client = service.machine("BENCH-01");
                // 1. Initial load, then plain JDBC of the same rows: the baseline runs second, on a warmer cache and JIT,
                // which can only flatter it.
                double loadSeconds;
                Map<String, Long> perTable = new java.util.HashMap<>();
                Replica ws = replica("workstation");
                try {
                    long t0 = System.nanoTime();
                    new InitialLoad(client, ws.dataSource(), InitialLoad.SERVICE_PAGE).run(p -> perTable.merge(p.table(), p.copied(), Math::max));
                    loadSeconds = (System.nanoTime() - t0) / 1e9;
                    long rows;
                    double rawSeconds;
                    try (Replica raw = replica("raw")) {
                        long r0 = System.nanoTime();
                        rows = rawCopy(pg.dataSource(), raw.dataSource());
                        rawSeconds = (System.nanoTime() - r0) / 1e9;
                    }
                    assertThat(perTable.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(rows);

                    // 2. Drain 1,000 queued identity confirmations through the service, by a clerk central knows.
                    Clock clock = Clock.systemUTC();
                    AuditLog audit = new AuditLog(ws.sessions(), clock, TimeOrderedIds.system(), "BENCH-01");
                    Outbox outbox = new Outbox(ws.sessions(), clock, TimeOrderedIds.system());
                    IdentityConfirmations confirmations = new IdentityConfirmations(ws.sessions(),
                            new StaffAuthenticator(ws.sessions(), new PasswordHasher(), audit, clock, LoginPolicy.standard()), outbox,
                            audit, clock, TimeOrderedIds.system(), "BENCH-01");
                    List<InsuredPerson> people = ws.sessions().fromTransaction(s -> s.createSelectionQuery(
                            "from InsuredPerson order by citizenIdNumber", InsuredPerson.class).setMaxResults(1000).getResultList());
                    StaffSession clerk = DemoReplica.staff(ws.sessions(), "chenjing");
                    // 200 more than timed: the first push warms the service's code paths (a running service is warm;
                    // a cold JIT is start-up, not draining), then 1,000 are drained against the clock.
                    for (int i = 0; i < 1200; i++) {
                        InsuredPerson p = people.get(i % people.size());
                        confirmations.confirmByCard(clerk, p.getId(), DemoCards.cardOf(p),
                                IdentityConfirmations.FaceCheck.PHOTO_NOT_DECODABLE);
                    }
                    assertThat(outbox.pendingCount()).isEqualTo(1200);
                    Pusher pusher = new Pusher(outbox, client, "BENCH-01");
                    assertThat(pusher.push(200).acknowledged()).isEqualTo(200);
                    assertThat(outbox.pendingCount()).isEqualTo(1000);
                    long d0 = System.nanoTime();
                    while (outbox.pendingCount() > 0) {
                        assertThat(pusher.push(200).complete()).isTrue();
                    }
                    double drainSeconds = (System.nanoTime() - d0) / 1e9;
                    double plainSeconds = plainTransactions(pg.dataSource(), 1000);

                    // 3. Propagation with the background engine at the production interval.
                    long conflicts = ws.sessions().fromTransaction(s -> s.createSelectionQuery(
                            "select count(*) from OutboxCommand where state <> 'APPLIED'", Long.class).getSingleResult());
                    assertThat(conflicts).as("every command applied, none refused").isZero();
                    new Puller(client, ws.dataSource(), 1000, clock).pullAll();
                    List<Double> latencies = new ArrayList<>();
                    try (SyncEngine engine = new SyncEngine(outbox, pusher, new Puller(client, ws.dataSource(), 1000, clock),
                            clock, CentralConnection.SYNC_INTERVAL, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10),
                                    new SecureRandom())).start()) {
                        Random random = new Random(11);
                        for (int i = 0; i < Integer.getInteger("bench.propagations", 40); i++) {
                            Thread.sleep(200 + random.nextInt(1800));
                            InsuredPerson p = people.get(random.nextInt(people.size()));
                            String phone = String.format(Locale.ROOT, "1380000%04d", i);
                            long c0 = System.nanoTime();
                            central.inTransaction(s -> {
                                InsuredPerson there = s.find(InsuredPerson.class, p.getId());
                                there.setPhone(phone);
                                s.flush();
                                new ChangeLog(Clock.systemUTC()).record(s, "insured_person", there.getId(), there.getRowVersion(),
                                        ChangeLogEntry.Operation.UPSERT, null);
                            });
                            while (!phone.equals(ws.sessions().fromTransaction(s -> s.find(InsuredPerson.class, p.getId()).getPhone()))) {
                                Thread.sleep(10);
                                assertThat(System.nanoTime() - c0).isLessThan(Duration.ofSeconds(60).toNanos());
                            }
                            latencies.add((System.nanoTime() - c0) / 1e6);
                        }
                    }
                    Collections.sort(latencies);
                    String table = String.format(Locale.ROOT, """

                            | Sync through the central service (mutual TLS, PostgreSQL behind it, loopback), %,d persons | figure | baseline in the same run | target |
                            |---|---:|---:|---|
                            | initial load into the encrypted replica, %,d rows | %,.0f rows/s (%.1f s) | plain JDBC batches straight from PostgreSQL: %,.0f rows/s (%.1f s) | >= 2 x; ratio: %.2f |
                            | drain 1,000 queued commands (batches of 200, 100 per central transaction, service warmed by 200 first) | %.2f s | 1,000 plain single-row transactions: %.2f s | < 3 s |
                            | central change -> replica, background sync every %.1f s, %d changes | p50 %.0f ms, p95 %.0f ms | | p95 < 2,000 ms |
                            """, persons, rows, rows / loadSeconds, loadSeconds, rows / rawSeconds, rawSeconds,
                            (rows / loadSeconds) / (rows / rawSeconds), drainSeconds, plainSeconds,
                            CentralConnection.SYNC_INTERVAL.toMillis() / 1000.0, latencies.size(), pct(latencies, 0.5), pct(latencies, 0.95));
                    System.out.println(table);
                    Files.writeString(Path.of("target", "bench-sync.md"), table);
                } finally {
                    ws.close();
                }
            }
        }
    }

    private Replica replica(String name) {
        return Replica.open(new DataDirectory(tmp.resolve(name).resolve("data")),
                new KeyStoreKeyProtector(tmp.resolve(name).resolve("keys"), "bench-only".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE));
    }

    /** The baseline: every replicated table read in full and written with plain JDBC batches of 1,000. */
    private static long rawCopy(DataSource central, DataSource replica) throws Exception {
        long rows = 0;
        try (Connection from = central.getConnection(); Connection to = replica.getConnection()) {
            from.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            to.setAutoCommit(false);
            for (String table : TABLES) {
                try (Statement st = from.createStatement()) {
                    st.setFetchSize(1000);
                    try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                        ResultSetMetaData md = rs.getMetaData();
                        int n = md.getColumnCount();
                        StringBuilder cols = new StringBuilder();
                        StringBuilder marks = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            cols.append(i > 1 ? "," : "").append(md.getColumnName(i));
                            marks.append(i > 1 ? "," : "").append('?');
                        }
                        try (PreparedStatement ps = to.prepareStatement("INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ")")) {
                            int pending = 0;
                            while (rs.next()) {
                                for (int i = 1; i <= n; i++) {
                                    Object v = rs.getObject(i);
                                    ps.setObject(i, v instanceof UUID u ? bytes(u) : v);
                                }
                                ps.addBatch();
                                rows++;
                                if (++pending == 1000) {
                                    ps.executeBatch();
                                    to.commit();
                                    pending = 0;
                                }
                            }
                            ps.executeBatch();
                            to.commit();
                        }
                    }
                }
            }
            from.commit();
        }
        return rows;
    }

    private static double plainTransactions(DataSource central, int count) throws Exception {
        try (Connection c = central.getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE bench_plain (id UUID PRIMARY KEY, payload VARCHAR(200))");
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_plain VALUES (?, ?)")) {
                for (int i = 0; i < count; i++) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, "row " + i);
                    ps.executeUpdate();
                    c.commit();
                }
            }
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static byte[] bytes(UUID u) {
        return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }

    private static double pct(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
