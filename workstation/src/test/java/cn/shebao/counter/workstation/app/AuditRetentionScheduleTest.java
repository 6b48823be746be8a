package cn.shebao.counter.workstation.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.audit.AuditRetention;
import cn.shebao.counter.workstation.audit.AuditVerifier;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.Eventually;
import cn.shebao.counter.workstation.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Properties;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retention period from workstation.properties, and the schedule that prunes by it without anyone asking. */
class AuditRetentionScheduleTest {

    @TempDir
    Path tmp;

    @Test
    void onlyAPeriodTheLawAllowsIsTaken() {
        assertThat(AuditRetentionSchedule.configured(new Properties())).isEmpty();
        assertThat(AuditRetentionSchedule.configured(with("twelve"))).isEmpty();
        assertThat(AuditRetentionSchedule.configured(with("5"))).isEmpty();
        assertThat(AuditRetentionSchedule.configured(with(" 12 "))).contains(Period.ofMonths(12));
        assertThat(AuditRetentionSchedule.configured(with("6"))).contains(Period.ofMonths(6));
    }

    @Test
    void theScheduledRunPrunesOldCountersignedEventsAndTheChainStillVerifies() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-10-01T08:00:00Z"), ZoneId.of("Asia/Shanghai"));
        try (DemoReplica demo = DemoReplica.generate(tmp, 10, clock)) {
            SessionFactory sessions = demo.replica().sessions();
            AuditLog audit = new AuditLog(sessions, clock, TimeOrderedIds.system(), "TEST-01");
            for (int i = 0; i < 30; i++) {
                audit.append(AuditEntry.system("test.old", "old " + i));
            }
            long head = count(sessions, "select max(sequenceNumber) from AuditEvent");
            String hash = sessions.fromTransaction(s -> s.createSelectionQuery("select entryHash from AuditEvent where sequenceNumber = :q",
                    String.class).setParameter("q", head).getSingleResult());
            sessions.inTransaction(s -> s.createNativeMutationQuery("UPDATE audit_chain_head SET countersigned_sequence = " + head
                    + ", countersigned_hash = '" + hash + "'").executeUpdate()); // as central's countersignature would
            clock.advance(Duration.ofDays(400));
            long before = count(sessions, "select count(*) from AuditEvent");

            try (AuditRetentionSchedule schedule = new AuditRetentionSchedule(new AuditRetention(sessions, clock, Period.ofMonths(6)))) {
                schedule.start(Duration.ZERO, Duration.ofDays(1));
                Eventually.until("the scheduled pruning", Duration.ofSeconds(60),
                        () -> count(sessions, "select count(*) from AuditEvent") == 1);
            }
            assertThat(before).isEqualTo(head);
            assertThat(new AuditVerifier(sessions).verify().problems()).isEmpty();
        }
    }

    private static Properties with(String months) {
        Properties p = new Properties();
        p.setProperty(AuditRetentionSchedule.KEY, months);
        return p;
    }

    private static long count(SessionFactory sessions, String hql) {
        return sessions.fromTransaction(s -> s.createSelectionQuery(hql, Long.class).getSingleResult());
    }
}
