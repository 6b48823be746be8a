package cn.shebao.counter.workstation.retirement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.citizen.RetirementCategory;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

class RetirementOutlookTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);

    @Test
    void aManBornIn1970RetiresAt61And4MonthsWithAThreeYearWindowEitherSide() {
        LocalDate birth = LocalDate.of(1970, 1, 10);
        RetirementOutlook o = RetirementOutlook.of(RetirementCategory.MALE, birth, 300, true, AS_OF);
        assertThat(o.age()).isEqualTo(Period.of(61, 4, 0));
        assertThat(o.date()).isEqualTo(LocalDate.of(2031, 5, 10));
        assertThat(o.requiredMonths()).isEqualTo(192); // retiring in 2031
        assertThat(o.minimumMet()).isTrue();
        // Three years before the new date (2028-05-10) would undercut the original age: the window opens at 60.
        assertThat(o.earliest()).isEqualTo(LocalDate.of(2030, 1, 10));
        assertThat(o.latest()).isEqualTo(LocalDate.of(2034, 5, 10));
    }

    @Test
    void earlyRetirementIsNeverBeforeTheOriginalAgeAndOtherwiseThreeYearsBeforeTheNewAge() {
        // A man born 1976-09 retires at 63: three years earlier is exactly his original 60.
        RetirementOutlook capped = RetirementOutlook.of(RetirementCategory.MALE, LocalDate.of(1980, 3, 1), 400, true, AS_OF);
        assertThat(capped.date()).isEqualTo(LocalDate.of(2043, 3, 1));
        assertThat(capped.earliest()).isEqualTo(LocalDate.of(2040, 3, 1));
        // A woman worker born 1984-11 retires at 55; the window opens at 52, after her original 50.
        RetirementOutlook woman = RetirementOutlook.of(RetirementCategory.FEMALE_WORKER, LocalDate.of(1984, 11, 5), 300, true, AS_OF);
        assertThat(woman.date()).isEqualTo(LocalDate.of(2039, 11, 5));
        assertThat(woman.earliest()).isEqualTo(LocalDate.of(2036, 11, 5));
        assertThat(woman.originalDate()).isEqualTo(LocalDate.of(2034, 11, 5));
    }

    @Test
    void theMinimumDecidesTheEarliestDateAndAShortfallIsReported() {
        // A woman in a staff post born 1972-03-01: 55 years 7 months, retiring 2027-10-01, needing 180 months.
        LocalDate birth = LocalDate.of(1972, 3, 1);
        RetirementOutlook o = RetirementOutlook.of(RetirementCategory.FEMALE_STAFF, birth, 170, true, AS_OF);
        assertThat(o.date()).isEqualTo(LocalDate.of(2027, 10, 1));
        assertThat(o.projectedMonths()).isEqualTo(170 + 11); // December 2026 to October 2027 still to come
        assertThat(o.minimumMet()).isTrue();
        // Early retirement waits until the 180th month is reached: 10 months after November 2026.
        assertThat(o.earliest()).isEqualTo(LocalDate.of(2027, 9, 1));

        RetirementOutlook notContributing = RetirementOutlook.of(RetirementCategory.FEMALE_STAFF, birth, 170, false, AS_OF);
        assertThat(notContributing.minimumMet()).isFalse();
        assertThat(notContributing.shortfallMonths()).isEqualTo(10);
        assertThat(notContributing.earliest()).isNull();
    }

    @Test
    void bornBeforeTheReformKeepsTheOriginalAge() {
        RetirementOutlook o = RetirementOutlook.of(RetirementCategory.FEMALE_WORKER, LocalDate.of(1974, 6, 1), 200, true, AS_OF);
        assertThat(o.age()).isEqualTo(Period.ofYears(50));
        assertThat(o.earliest()).isEqualTo(o.date()); // the original age is also the floor
    }
}
