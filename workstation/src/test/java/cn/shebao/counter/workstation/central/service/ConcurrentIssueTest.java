package cn.shebao.counter.workstation.central.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.sync.ServiceClient;
import cn.shebao.counter.workstation.testing.CentralRows;
import cn.shebao.counter.workstation.testing.TestCentral;
import cn.shebao.counter.workstation.testing.TestPostgres;
import cn.shebao.counter.workstation.wire.ApplyResult;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two windows issue online accounts for the same 40 citizens at the same moment, each through its own service
 * instance on one PostgreSQL: every citizen ends with exactly one live account, and the other issue is one conflict.
 */
class ConcurrentIssueTest {

    private static final int CITIZENS = 40;

    @TempDir
    Path tmp;

    @Test
    void exactlyOneLiveAccountPerCitizenAndOneConflictEach() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase(); TestCentral central = TestCentral.start(pg.dataSource(), tmp.resolve("pki"));
                HikariDataSource pool = ServicePool.of(pg.dataSource(), 8); CentralService second = central.secondInstance(pool)) {
            try (SessionFactory sessions = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).create(pg.dataSource())) {
                new DemoDataGenerator(new DemoDataGenerator.Settings(21, 200, LocalDate.of(2026, 11, 1), 3, 60))
                        .generate(new HibernateDemoSink(sessions), (d, t, r) -> { });
            }
            List<UUID> citizens = CentralRows.citizensWithoutAccount(pg.dataSource(), CITIZENS);
            assertThat(citizens).hasSize(CITIZENS);
            UUID chenjing = CentralRows.staffId(pg.dataSource(), "chenjing");
            UUID wanglei = CentralRows.staffId(pg.dataSource(), "wanglei");
            ServiceClient a = central.machine("RACE-A");
            ServiceClient b = central.enrolled("RACE-B").at(URI.create("https://127.0.0.1:" + second.port()));

            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<List<ApplyResult>> fromA = CompletableFuture.supplyAsync(() -> pushAll(go, a, "RACE-A", citizens, chenjing));
            CompletableFuture<List<ApplyResult>> fromB = CompletableFuture.supplyAsync(() -> pushAll(go, b, "RACE-B", citizens, wanglei));
            go.countDown();
            List<ApplyResult> all = new ArrayList<>(fromA.get(120, TimeUnit.SECONDS));
            all.addAll(fromB.get(120, TimeUnit.SECONDS));

            assertThat(all).hasSize(2 * CITIZENS).allMatch(r -> r.status().acknowledged());
            assertThat(all.stream().filter(r -> r.status() == ApplyResult.Status.APPLIED)).hasSize(CITIZENS);
            assertThat(all.stream().filter(r -> r.status() == ApplyResult.Status.CONFLICT)).hasSize(CITIZENS);
            try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT person_id, COUNT(*) FROM online_account WHERE status IN ('PENDING', 'ACTIVE', 'LOCKED') AND person_id = ANY (?) "
                            + "GROUP BY person_id")) {
                ps.setArray(1, c.createArrayOf("uuid", citizens.toArray()));
                Map<UUID, Long> live = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        live.put(rs.getObject(1, UUID.class), rs.getLong(2));
                    }
                }
                assertThat(live).hasSize(CITIZENS).allSatisfy((person, n) -> assertThat(n).as("live accounts of %s", person).isEqualTo(1));
            }
            try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*), COUNT(DISTINCT command_id) FROM sync_conflict WHERE node_code IN ('RACE-A', 'RACE-B')");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(CITIZENS);
                assertThat(rs.getLong(2)).isEqualTo(CITIZENS);
            }
        }
    }

    /** Pushes one issue per citizen in small batches, so the two windows' batches interleave. */
    private static List<ApplyResult> pushAll(CountDownLatch go, ServiceClient service, String node, List<UUID> citizens, UUID clerk) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<ApplyResult> results = new ArrayList<>();
        List<CommandEnvelope> batch = new ArrayList<>();
        for (int i = 0; i < citizens.size(); i++) {
            batch.add(CentralRows.credentialIssued(node, i + 1, citizens.get(i), clerk));
            if (batch.size() == 4 || i == citizens.size() - 1) {
                results.addAll(service.push(batch));
                batch.clear();
            }
        }
        return results;
    }
}
