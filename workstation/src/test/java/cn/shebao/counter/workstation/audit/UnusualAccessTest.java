package cn.shebao.counter.workstation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unusual-access report finds exactly what its thresholds name: one staff member's openings without the
 * citizen present above the daily limit (and not at it), openings outside hours and on a closed day, one record opened
 * at three windows in a day; and nothing else from an ordinary day.
 */
class UnusualAccessTest {

    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path tmp;

    @Test
    void eachKindIsFoundAtItsThresholdAndNothingElse() throws Exception {
        Instant tuesdayTen = Instant.parse("2026-11-03T02:00:00Z"); // 10:00 in the hall
        MutableClock clock = new MutableClock(tuesdayTen, HALL);
        try (DemoReplica demo = DemoReplica.generate(tmp, 30, clock)) {
            SessionFactory sessions = demo.replica().sessions();
            List<UUID> people = sessions.fromTransaction(s -> s.createSelectionQuery("select id from InsuredPerson order by id", UUID.class)
                    .getResultList());
            AuditLog win1 = new AuditLog(sessions, clock, TimeOrderedIds.system(), "WIN-1");
            AuditLog win2 = new AuditLog(sessions, clock, TimeOrderedIds.system(), "WIN-2");
            AuditLog win3 = new AuditLog(sessions, clock, TimeOrderedIds.system(), "WIN-3");
            for (int i = 0; i < 22; i++) {
                open(win1, "a", people.get(i), "TELEPHONE_ENQUIRY");
                clock.advance(Duration.ofMinutes(2));
            }
            for (int i = 0; i < 20; i++) {
                open(win2, "b", people.get(i), "INTERNAL_REVIEW"); // at the limit, not above it
                open(win2, "b", people.get(i), "CARD_PRESENTED"); // the citizen at the window: never counted
            }
            UUID many = people.get(25);
            open(win1, "c", many, "CARD_PRESENTED");
            open(win2, "d", many, "WINDOW_WITH_ID");
            open(win3, "e", many, "CARD_PRESENTED");
            clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-03T14:15:00Z"))); // 22:15
            open(win3, "c", people.get(28), "CARD_PRESENTED");
            clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-08T02:00:00Z"))); // Sunday 10:00
            open(win3, "c", people.get(29), "CARD_PRESENTED");

            List<UnusualAccess.Finding> found = sessions.fromTransaction(s -> UnusualAccess.find(s, AuditQuery.LOCAL,
                    Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-10T00:00:00Z"), UnusualAccess.Thresholds.standard(), HALL));
            assertThat(found).extracting(f -> f.kind() + " " + f.day() + " " + f.staffName() + " " + f.count())
                    .containsExactly("MANY_WITHOUT_CITIZEN 2026-11-03 a 22",
                            "OUTSIDE_HOURS 2026-11-03 c 1", "OUTSIDE_HOURS 2026-11-08 c 1",
                            "MANY_WINDOWS 2026-11-03 null 3");
            assertThat(found.get(3).subjectId()).isEqualTo(many.toString());
            assertThat(found.get(3).workstationCode()).isEqualTo("WIN-1,WIN-2,WIN-3");
        }
    }

    @Test
    void theHallsHoursAndThresholdsComeFromItsSettingsAndABadValueFallsBackAndIsReported() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("hall.opens", "09:00");
        p.setProperty("hall.closes", "16:30");
        p.setProperty("hall.openDays", "monday, tuesday,WEDNESDAY,THURSDAY,FRIDAY");
        p.setProperty("unusual.windowsPerCitizenPerDay", "4");
        List<String> problems = new java.util.ArrayList<>();
        UnusualAccess.Thresholds t = UnusualAccess.Thresholds.configured(p, problems::add);
        assertThat(problems).isEmpty();
        assertThat(t.opens()).isEqualTo(java.time.LocalTime.of(9, 0));
        assertThat(t.closes()).isEqualTo(java.time.LocalTime.of(16, 30));
        assertThat(t.openDays()).doesNotContain(java.time.DayOfWeek.SATURDAY).hasSize(5);
        assertThat(t.windowsPerCitizenPerDay()).isEqualTo(4);
        assertThat(t.openingsWithoutCitizenPerDay()).isEqualTo(UnusualAccess.Thresholds.standard().openingsWithoutCitizenPerDay());

        p.setProperty("hall.closes", "half past five");
        p.setProperty("hall.openDays", "Funday");
        UnusualAccess.Thresholds fallen = UnusualAccess.Thresholds.configured(p, problems::add);
        assertThat(problems).containsExactly("hall.closes", "hall.openDays");
        assertThat(fallen.closes()).isEqualTo(UnusualAccess.Thresholds.standard().closes());
        assertThat(fallen.openDays()).isEqualTo(UnusualAccess.Thresholds.standard().openDays());
        assertThat(fallen.opens()).isEqualTo(java.time.LocalTime.of(9, 0));

        problems.clear();
        p.setProperty("hall.closes", "08:00"); // closes before it opens
        assertThat(UnusualAccess.Thresholds.configured(p, problems::add)).isEqualTo(UnusualAccess.Thresholds.standard());
        assertThat(problems).contains("unusual");
    }

    private static void open(AuditLog log, String staff, UUID person, String purpose) {
        log.append(new AuditEntry(UUID.nameUUIDFromBytes(staff.getBytes()), staff, "citizen.record.open", "InsuredPerson",
                person.toString(), purpose, "BASIC"));
    }
}
