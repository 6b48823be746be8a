package cn.shebao.counter.workstation.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pruning old audit events from the replica: only what is older than the retention period and before the head
 * central countersigned leaves; the remaining chain still verifies from the anchor, and an edit, a deleted
 * countersigned row or a rewritten anchor after pruning are still found.
 */
class AuditRetentionTest {

    @TempDir
    Path tmp;

    @Test
    void oldCountersignedEventsLeaveAndTheRestStillVerifies() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-10-01T08:00:00Z"), ZoneId.of("Asia/Shanghai"));
        try (DemoReplica demo = DemoReplica.generate(tmp, 10, clock)) {
            SessionFactory sessions = demo.replica().sessions();
            AuditLog audit = new AuditLog(sessions, clock, TimeOrderedIds.system(), "TEST-01");
            for (int i = 0; i < 50; i++) {
                audit.append(AuditEntry.system("test.old", "old " + i));
                clock.advance(Duration.ofMinutes(1));
            }
            long base = sequenceOf(sessions, "old 0") - 1; // events the demo replica already held come first
            countersign(sessions, base + 40);
            clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-01T08:00:00Z")));
            for (int i = 0; i < 10; i++) {
                audit.append(AuditEntry.system("test.new", "new " + i));
            }
            assertThatThrownBy(() -> new AuditRetention(sessions, clock, Period.ofMonths(5)))
                    .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.key()).isEqualTo("audit.retention.tooShort"));

            AuditRetention.Pruned pruned = new AuditRetention(sessions, clock, Period.ofMonths(6)).prune();
            assertThat(pruned.upToSequence()).isEqualTo(base + 39); // the countersigned row itself stays
            assertThat(pruned.events()).isEqualTo(base + 39);
            assertThat(count(sessions)).isEqualTo(11 + 10);
            AuditVerification afterPruning = new AuditVerifier(sessions).verify();
            assertThat(afterPruning.problems()).isEmpty();
            assertThat(afterPruning.rowsChecked()).isEqualTo(21);
            assertThat(new AuditRetention(sessions, clock, Period.ofMonths(6)).prune().events()).isZero();

            // Tampering after pruning is still found, at the right sequence.
            sql(sessions, "UPDATE audit_event SET detail = 'changed' WHERE sequence_number = " + (base + 45));
            assertThat(new AuditVerifier(sessions).verify().problems()).extracting(p -> p.kind() + " " + p.sequenceNumber())
                    .containsExactly("EDITED " + (base + 45));
            sql(sessions, "UPDATE audit_event SET detail = 'old 44' WHERE sequence_number = " + (base + 45));
            sql(sessions, "UPDATE audit_chain_head SET pruned_hash = '" + "1".repeat(64) + "'");
            assertThat(new AuditVerifier(sessions).verify().problems()).extracting(p -> p.kind() + " " + p.sequenceNumber())
                    .containsExactly("BROKEN_LINK " + (base + 40));
        }
    }

    private static void countersign(SessionFactory sessions, long sequence) {
        String hash = sessions.fromTransaction(s -> s.createSelectionQuery("select entryHash from AuditEvent where sequenceNumber = :q",
                String.class).setParameter("q", sequence).getSingleResult());
        sql(sessions, "UPDATE audit_chain_head SET countersigned_sequence = " + sequence + ", countersigned_hash = '" + hash + "'");
    }

    private static long sequenceOf(SessionFactory sessions, String detail) {
        return sessions.fromTransaction(s -> s.createSelectionQuery("select sequenceNumber from AuditEvent where detail = :d", Long.class)
                .setParameter("d", detail).getSingleResult());
    }

    private static long count(SessionFactory sessions) {
        return sessions.fromTransaction(s -> s.createSelectionQuery("select count(*) from AuditEvent", Long.class).getSingleResult());
    }

    private static void sql(SessionFactory sessions, String statement) {
        sessions.inTransaction(s -> s.createNativeQuery(statement).executeUpdate());
    }
}
