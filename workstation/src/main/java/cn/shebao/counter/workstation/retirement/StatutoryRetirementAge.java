package cn.shebao.counter.workstation.retirement;

import cn.shebao.counter.workstation.citizen.RetirementCategory;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Statutory retirement age under the gradual reform in force from 1 January 2025: men 60 to 63, one
 * month later for every four months of birth from January 1965; women workers 50 to 55, one month
 * later for every two months from January 1975; women in staff posts 55 to 58, one month later for
 * every four months from January 1970.
 */
public final class StatutoryRetirementAge {

    private StatutoryRetirementAge() {
    }

    public static Period age(RetirementCategory category, LocalDate birthDate) {
        return switch (category) {
            case MALE -> delayed(60, birthDate, YearMonth.of(1965, 1), 4, 36);
            case FEMALE_WORKER -> delayed(50, birthDate, YearMonth.of(1975, 1), 2, 60);
            case FEMALE_STAFF -> delayed(55, birthDate, YearMonth.of(1970, 1), 4, 36);
        };
    }

    public static LocalDate date(RetirementCategory category, LocalDate birthDate) {
        return birthDate.plus(age(category, birthDate));
    }

    /** The age before the reform, which early retirement may never undercut. */
    public static int originalYears(RetirementCategory category) {
        return switch (category) {
            case MALE -> 60;
            case FEMALE_WORKER -> 50;
            case FEMALE_STAFF -> 55;
        };
    }

    private static Period delayed(int originalYears, LocalDate birth, YearMonth from, int monthsPerStep, int maxDelay) {
        YearMonth born = YearMonth.from(birth);
        if (born.isBefore(from)) {
            return Period.ofYears(originalYears);
        }
        long since = from.until(born, ChronoUnit.MONTHS);
        int delay = (int) Math.min(maxDelay, since / monthsPerStep + 1);
        return Period.ofYears(originalYears).plusMonths(delay).normalized();
    }
}
