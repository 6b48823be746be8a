package cn.shebao.counter.workstation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.central.service.CentralService;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.central.service.ServicePool;
import com.zaxxer.hikari.HikariDataSource;
import cn.shebao.counter.workstation.sync.ServiceClient;
import cn.shebao.counter.workstation.testing.CentralRows;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.TestCentral;
import cn.shebao.counter.workstation.testing.TestPostgres;
import cn.shebao.counter.workstation.wire.ApplyResult;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50 simulated workstations push at the same time through two service instances on one PostgreSQL: aggregate
 * commands per second and per-push latency, beside 50 clients doing plain single-row PostgreSQL transactions.
 * Each workstation issues online accounts for its own citizens (the citizen lock, the live-account check, the
 * insert, the change log), five commands per push, as a busy hall would.
 */
@Tag("bench")
class ConcurrentPushBenchmark {

    private static final int WORKSTATIONS = 50;
    private static final int PER_WORKSTATION = Integer.getInteger("bench.pushesPerWorkstation", 8) * 5;

    @TempDir
    Path tmp;

    @Test
    void fiftyWorkstationsThroughTwoInstances() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase(); TestCentral central = TestCentral.start(pg.dataSource(), tmp.resolve("pki"));
                HikariDataSource pool = ServicePool.of(pg.dataSource(), 8); CentralService second = central.secondInstance(pool)) {
            int persons = WORKSTATIONS * PER_WORKSTATION * 3 + 500; // about half the demo persons hold an account already
            new DemoDataGenerator(new DemoDataGenerator.Settings(2026, persons, DemoReplica.AS_OF, 1, 1000))
                    .generate(new JdbcBatchSink(pg.dataSource(), false), (d, t, r) -> { });
            List<UUID> free = CentralRows.citizensWithoutAccount(pg.dataSource(), WORKSTATIONS * PER_WORKSTATION);
            assertThat(free).hasSize(WORKSTATIONS * PER_WORKSTATION);
            UUID clerk = CentralRows.staffId(pg.dataSource(), "chenjing");
            List<Callable<List<Double>>> windows = new ArrayList<>();
            for (int w = 0; w < WORKSTATIONS; w++) {
                String node = String.format(Locale.ROOT, "BENCH-%02d", w);
                URI instance = URI.create(w % 2 == 0 ? central.url() : "https://127.0.0.1:" + second.port());
                ServiceClient client = central.enrolled(node).at(instance);
                List<UUID> mine = free.subList(w * PER_WORKSTATION, (w + 1) * PER_WORKSTATION);
                windows.add(() -> pushAll(client, node, mine, clerk));
            }
            double[] service = run(windows, WORKSTATIONS * PER_WORKSTATION);
            double[] plain = run(plainClients(pg.dataSource()), WORKSTATIONS * PER_WORKSTATION);
            String table = String.format(Locale.ROOT, """

                    | %d workstations pushing at once through 2 service instances (%d commands, 5 per push) | figure | baseline: %d clients, plain single-row PostgreSQL transactions | target |
                    |---|---:|---:|---|
                    | aggregate throughput | %,.0f commands/s | %,.0f transactions/s | |
                    | per-push latency p50 / p99 | %.0f / %.0f ms | per transaction p50 / p99: %.1f / %.1f ms | |
                    """, WORKSTATIONS, WORKSTATIONS * PER_WORKSTATION, WORKSTATIONS, service[0], plain[0], service[1], service[2],
                    plain[1], plain[2]);
            System.out.println(table);
            Files.writeString(Path.of("target", "bench-concurrent-push.md"), table);
        }
    }

    /** Runs the clients together; returns {items per second, p50 ms, p99 ms} of the latencies they report. */
    private static double[] run(List<Callable<List<Double>>> clients, int items) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            long t0 = System.nanoTime();
            List<Future<List<Double>>> done = pool.invokeAll(clients);
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<Double> latencies = new ArrayList<>();
            for (Future<List<Double>> f : done) {
                latencies.addAll(f.get());
            }
            Collections.sort(latencies);
            return new double[] {items / seconds, pct(latencies, 0.5), pct(latencies, 0.99)};
        } finally {
            pool.shutdown();
        }
    }

    private static List<Double> pushAll(ServiceClient client, String node, List<UUID> citizens, UUID clerk) {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < citizens.size(); i += 5) {
            List<CommandEnvelope> batch = new ArrayList<>();
            for (int j = i; j < i + 5; j++) {
                batch.add(CentralRows.credentialIssued(node, j + 1, citizens.get(j), clerk));
            }
            long t0 = System.nanoTime();
            List<ApplyResult> results = client.push(batch);
            latencies.add((System.nanoTime() - t0) / 1e6);
            assertThat(results).hasSize(5).allMatch(r -> r.status() == ApplyResult.Status.APPLIED);
        }
        return latencies;
    }

    private static List<Callable<List<Double>>> plainClients(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE bench_plain_concurrent (id UUID PRIMARY KEY, payload VARCHAR(200))");
        }
        List<Callable<List<Double>>> clients = new ArrayList<>();
        for (int w = 0; w < WORKSTATIONS; w++) {
            clients.add(() -> {
                List<Double> latencies = new ArrayList<>();
                try (Connection c = db.getConnection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_plain_concurrent VALUES (?, ?)")) {
                        for (int i = 0; i < PER_WORKSTATION; i++) {
                            long t0 = System.nanoTime();
                            ps.setObject(1, UUID.randomUUID());
                            ps.setString(2, "row " + i);
                            ps.executeUpdate();
                            c.commit();
                            latencies.add((System.nanoTime() - t0) / 1e6);
                        }
                    }
                }
                return latencies;
            });
        }
        return clients;
    }

    private static double pct(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
