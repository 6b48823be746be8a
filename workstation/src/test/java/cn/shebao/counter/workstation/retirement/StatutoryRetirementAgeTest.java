package cn.shebao.counter.workstation.retirement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.citizen.RetirementCategory;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Boundary rows worked by hand from the rule text of the 2024 decision (one month per four, or two, months
 * of birth, capped); the caps meet the published end points: men 63 from September 1976, women workers 55
 * from November 1984, women in staff posts 58 from September 1981.
 */
class StatutoryRetirementAgeTest {

    @ParameterizedTest(name = "{0} born {1}: {2}y{3}m")
    @CsvSource({
        "MALE, 1964-12-15, 60, 0",
        "MALE, 1965-01-01, 60, 1",
        "MALE, 1965-04-30, 60, 1",
        "MALE, 1965-05-01, 60, 2",
        "MALE, 1970-01-10, 61, 4",
        "MALE, 1976-08-31, 62, 11",
        "MALE, 1976-09-01, 63, 0",
        "MALE, 1990-06-01, 63, 0",
        "FEMALE_WORKER, 1974-12-31, 50, 0",
        "FEMALE_WORKER, 1975-01-01, 50, 1",
        "FEMALE_WORKER, 1975-03-01, 50, 2",
        "FEMALE_WORKER, 1984-10-31, 54, 11",
        "FEMALE_WORKER, 1984-11-01, 55, 0",
        "FEMALE_STAFF, 1969-12-31, 55, 0",
        "FEMALE_STAFF, 1970-01-01, 55, 1",
        "FEMALE_STAFF, 1970-05-01, 55, 2",
        "FEMALE_STAFF, 1981-08-31, 57, 11",
        "FEMALE_STAFF, 1981-09-01, 58, 0",
    })
    void matchesTheOfficialTable(RetirementCategory category, LocalDate birth, int years, int months) {
        Period expected = Period.of(years, months, 0).normalized();
        assertThat(StatutoryRetirementAge.age(category, birth)).isEqualTo(expected);
        assertThat(StatutoryRetirementAge.date(category, birth)).isEqualTo(birth.plus(expected));
    }
}
