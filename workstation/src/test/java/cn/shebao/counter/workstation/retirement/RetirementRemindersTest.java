package cn.shebao.counter.workstation.retirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.citizen.PersonStatus;
import cn.shebao.counter.workstation.citizen.RetirementCategory;
import cn.shebao.counter.workstation.security.AccessDeniedException;
import cn.shebao.counter.workstation.testing.DemoReplica;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetirementRemindersTest {

    @TempDir
    static Path tmp;
    private static DemoReplica demo;

    @BeforeAll
    static void replica() {
        demo = DemoReplica.generate(tmp, 1500, Clock.systemUTC());
    }

    @AfterAll
    static void close() throws Exception {
        demo.close();
    }

    @Test
    void theBirthWindowFoundByBisectionIsExact() {
        Random random = new Random(5);
        for (RetirementCategory category : RetirementCategory.values()) {
            for (int i = 0; i < 300; i++) {
                LocalDate day = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(365 * 20));
                LocalDate first = RetirementReminders.firstBirthRetiringOnOrAfter(category, day);
                assertThat(StatutoryRetirementAge.date(category, first)).isAfterOrEqualTo(day);
                assertThat(StatutoryRetirementAge.date(category, first.minusDays(1))).isBefore(day);
            }
        }
    }

    @Test
    void listsExactlyTheActivePeopleWhoseStatutoryDateFallsInTheWindow() {
        LocalDate from = LocalDate.of(2026, 12, 1);
        List<RetirementReminders.Reminder> due = new RetirementReminders(demo.replica().sessions())
                .dueWithin(DemoReplica.clerk(), from, 24);
        List<InsuredPerson> everyone = demo.replica().sessions().fromTransaction(s ->
                s.createSelectionQuery("from InsuredPerson", InsuredPerson.class).getResultList());
        List<String> expected = everyone.stream()
                .filter(p -> p.getStatus() == PersonStatus.CONTRIBUTING || p.getStatus() == PersonStatus.SUSPENDED)
                .filter(p -> {
                    LocalDate d = StatutoryRetirementAge.date(p.getRetirementCategory(), p.getBirthDate());
                    return !d.isBefore(from) && d.isBefore(from.plusMonths(24));
                })
                .map(p -> p.getId().toString()).sorted().toList();
        assertThat(expected).isNotEmpty();
        assertThat(due.stream().map(r -> r.personId().toString()).sorted().toList()).isEqualTo(expected);
        assertThat(due).isSortedAccordingTo(java.util.Comparator.comparing(RetirementReminders.Reminder::retirementDate));
        assertThat(due).allSatisfy(r -> assertThat(r.maskedIdNumber()).matches("\\d{6}\\*{8}\\d{3}[\\dX]"));
    }

    @Test
    void staffWithoutACounterRoleAreRefused() {
        assertThatThrownBy(() -> new RetirementReminders(demo.replica().sessions()).dueWithin(DemoReplica.admin(), LocalDate.now(), 3))
                .isInstanceOf(AccessDeniedException.class);
    }
}
