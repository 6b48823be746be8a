package cn.shebao.counter.workstation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.central.CommandApplier;
import cn.shebao.counter.workstation.central.JdbcChangeSource;
import cn.shebao.counter.workstation.command.ChangeLogEntry;
import cn.shebao.counter.workstation.command.CommandHandler;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.DriverDataSource;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background engine against PostgreSQL, with the central connection switched off and on: the workstation
 * goes offline, keeps its queue, and drains it once central is back.
 */
class SyncEngineTest {

    @TempDir
    Path tmp;

    @Test
    void goesOfflineKeepsTheQueueAndDrainsItWhenCentralReturns() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase()) {
            Migrations.migrate(pg.dataSource(), Migrations.Role.CENTRAL);
            AtomicBoolean reachable = new AtomicBoolean(true);
            // Central as seen through a switch: off, every connection attempt fails as an unreachable server would.
            DriverDataSource switched = new DriverDataSource(pg.dataSource().url(), () -> {
                if (!reachable.get()) {
                    throw new IllegalStateException("central unreachable (switched off by the test)");
                }
                Properties p = new Properties();
                p.setProperty("user", System.getenv("SHEBAO_TEST_PG_USER"));
                p.setProperty("password", System.getenv("SHEBAO_TEST_PG_PASSWORD"));
                p.setProperty("connectTimeout", "2");
                return p;
            });
            try (SessionFactory central = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).create(switched);
                    Replica replica = Replica.open(new DataDirectory(tmp.resolve("data")), new KeyStoreKeyProtector(tmp.resolve("keys"),
                            "engine".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
                CommandApplier applier = new CommandApplier(central, Map.of(CommandType.AUDIT_EVENT.name(), (s, c, log) -> {
                    log.record(s, "insured_person", UUID.randomUUID(), 0, ChangeLogEntry.Operation.DELETE, c.nodeCode());
                    return CommandHandler.HandlerOutcome.ok();
                }), Clock.systemUTC(), TimeOrderedIds.system());
                applier.register("ENG-01");
                Outbox outbox = new Outbox(replica.sessions(), Clock.systemUTC(), TimeOrderedIds.system());
                Puller puller = new Puller(new JdbcChangeSource(switched), replica.dataSource(), 100, Clock.systemUTC());
                try (SyncEngine engine = new SyncEngine(outbox, new Pusher(outbox, applier, "ENG-01"), puller, Clock.systemUTC(),
                        Duration.ofMillis(200), new Backoff(Duration.ofMillis(100), Duration.ofMillis(800), new SplittableRandom(3)))
                        .countConflictsWith(() -> 2).start()) {
                    await(() -> engine.status().online());

                    reachable.set(false);
                    replica.sessions().inTransaction(s -> {
                        for (int i = 0; i < 5; i++) {
                            outbox.append(s, CommandType.AUDIT_EVENT, "{}", null, "chenjing");
                        }
                    });
                    engine.syncNow();
                    await(() -> !engine.status().online());
                    assertThat(engine.status().pending()).isEqualTo(5);
                    assertThat(engine.status().problem()).isEqualTo(SyncEngine.Problem.UNREACHABLE);
                    assertThat(engine.status().detail()).contains("unreachable");
                    assertThat(engine.status().oldestPending()).as("the age of the oldest waiting command is shown").isNotNull();
                    assertThat(engine.status().openConflicts()).isEqualTo(2);

                    reachable.set(true);
                    await(() -> engine.status().online() && engine.status().pending() == 0);
                    assertThat(engine.status().problem()).isNull();
                    assertThat(engine.status().oldestPending()).isNull();
                    // Each pushed command's change came back down through the log: the cursor moved past all five.
                    assertThat(cursor(replica)).isEqualTo(5);
                }
            }
        }
    }

    private static long cursor(Replica replica) throws SQLException {
        try (var c = replica.dataSource().getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("SELECT pull_cursor FROM sync_state")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
