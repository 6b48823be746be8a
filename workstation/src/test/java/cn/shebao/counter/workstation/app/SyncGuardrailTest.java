package cn.shebao.counter.workstation.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credential guardrail reads the last successful pull from the replica and the queue from the outbox. */
class SyncGuardrailTest {

    @TempDir
    Path tmp;

    @Test
    void stopsIssuingPastTheOfflineAndQueueLimitsFromTheSettingsFile() throws Exception {
        Files.writeString(tmp.resolve("workstation.properties"), "guardrail.maxDaysOffline=2\nguardrail.maxPendingCommands=3\n");
        SyncGuardrail.Limits limits = SyncGuardrail.Limits.read(tmp.resolve("workstation.properties"));
        assertThat(limits).isEqualTo(new SyncGuardrail.Limits(2, 3));
        assertThat(SyncGuardrail.Limits.read(tmp.resolve("missing.properties"))).isEqualTo(new SyncGuardrail.Limits(3, 200));

        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);
        try (Replica replica = Replica.open(new DataDirectory(tmp.resolve("data")),
                new KeyStoreKeyProtector(tmp.resolve("keys"), "guardrail".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE))) {
            Outbox outbox = new Outbox(replica.sessions(), clock, TimeOrderedIds.system());
            SyncGuardrail guardrail = new SyncGuardrail(replica.dataSource(), outbox, clock, limits);
            assertThatThrownBy(guardrail::check).isInstanceOf(LocalizedException.class)
                    .hasFieldOrPropertyWithValue("key", "guardrail.offlineTooLong"); // never synced

            lastPull(replica, clock.instant());
            assertThatCode(guardrail::check).doesNotThrowAnyException();
            clock.advance(Duration.ofDays(2));
            assertThatThrownBy(guardrail::check).isInstanceOf(LocalizedException.class)
                    .hasFieldOrPropertyWithValue("key", "guardrail.offlineTooLong");

            lastPull(replica, clock.instant());
            for (int i = 0; i < 4; i++) {
                replica.sessions().inTransaction(s -> outbox.append(s, CommandType.AUDIT_EVENT, "{}", UUID.randomUUID(), "t"));
            }
            assertThatThrownBy(guardrail::check).isInstanceOf(LocalizedException.class)
                    .hasFieldOrPropertyWithValue("key", "guardrail.queueTooLong");
        }
    }

    private static void lastPull(Replica replica, Instant at) throws Exception {
        try (Connection c = replica.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE sync_state SET last_pull_at = ? WHERE id = 1")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.executeUpdate();
        }
    }
}
