package cn.shebao.counter.workstation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.TestCentral;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workstation IT revoked at central (a stolen PC): its background sync is refused at the next round, says the
 * workstation was disabled, stops trying, and sends nothing more even when asked to sync now.
 */
class DisabledWorkstationTest {

    @TempDir
    Path tmp;

    @Test
    void aRevokedWorkstationStopsSyncingAndSaysWhy() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase(); TestCentral central = TestCentral.start(pg.dataSource(), tmp.resolve("pki"));
                Replica replica = Replica.open(new DataDirectory(tmp.resolve("data")), new KeyStoreKeyProtector(tmp.resolve("keys"),
                        "disabled".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
            ServiceClient service = central.machine("STOLEN-01");
            Outbox outbox = new Outbox(replica.sessions(), Clock.systemUTC(), TimeOrderedIds.system());
            SyncEngine created = new SyncEngine(outbox, new Pusher(outbox, service, "STOLEN-01"),
                    new Puller(service, replica.dataSource(), 100, Clock.systemUTC()), Clock.systemUTC(), Duration.ofMillis(200),
                    new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), new SplittableRandom(1)));
            CountDownLatch online = new CountDownLatch(1);
            CountDownLatch disabled = new CountDownLatch(1);
            created.addListener(status -> {
                if (status.online()) {
                    online.countDown();
                } else if (status.problem() == SyncEngine.Problem.DISABLED) {
                    disabled.countDown();
                }
            });
            try (SyncEngine engine = created.start()) {
                assertThat(online.await(30, TimeUnit.SECONDS)).as("online before the revocation").isTrue();
                central.machines().revoke("STOLEN-01", "reported stolen");
                assertThat(disabled.await(30, TimeUnit.SECONDS)).as("disabled at the next round").isTrue();
                assertThat(engine.status().online()).isFalse();
                assertThat(engine.status().detail()).isEqualTo("NODE_REVOKED");

                replica.sessions().inTransaction(s -> outbox.append(s, CommandType.AUDIT_EVENT, "{}", null, "thief"));
                engine.syncNow();
                engine.close(); // waits for any round syncNow started
                // Nothing reached central: the queue stays, and central never saw the command.
                assertThat(outbox.pendingCount()).isEqualTo(1);
                assertThat(engine.status().problem()).isEqualTo(SyncEngine.Problem.DISABLED);
                try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM applied_command WHERE node_code = 'STOLEN-01'"); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isZero();
                }
            }
        }
    }
}
