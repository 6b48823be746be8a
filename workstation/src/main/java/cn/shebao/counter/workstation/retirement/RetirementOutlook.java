package cn.shebao.counter.workstation.retirement;

import cn.shebao.counter.workstation.citizen.RetirementCategory;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * What the clerk tells a citizen about retirement: the statutory age and date under the reform, whether the
 * minimum contribution will be met by then, and the voluntary window (up to three years earlier, never before
 * the original age, once the minimum is met; up to three years later).
 *
 * @param projectedMonths contribution months at the statutory date if the citizen keeps contributing as now
 * @param earliest        the earliest voluntary retirement date, or null when the minimum cannot be met early
 */
public record RetirementOutlook(Period age, LocalDate date, int originalYears, LocalDate originalDate,
        int requiredMonths, int contributedMonths, int projectedMonths, LocalDate earliest, LocalDate latest) {

    private static final int VOLUNTARY_YEARS = 3;

    public boolean minimumMet() {
        return projectedMonths >= requiredMonths;
    }

    /** Months still missing at the statutory date; zero when the minimum is met. */
    public int shortfallMonths() {
        return Math.max(0, requiredMonths - projectedMonths);
    }

    /**
     * @param contributedMonths months contributed up to {@code asOf} (pension insurance, paid or back-paid)
     * @param contributingNow   whether the citizen contributes at present, so months keep accruing until retirement
     */
    public static RetirementOutlook of(RetirementCategory category, LocalDate birthDate, int contributedMonths,
            boolean contributingNow, LocalDate asOf) {
        Period age = StatutoryRetirementAge.age(category, birthDate);
        LocalDate date = birthDate.plus(age);
        int originalYears = StatutoryRetirementAge.originalYears(category);
        LocalDate originalDate = birthDate.plusYears(originalYears);
        int required = MinimumContribution.months(date.getYear());
        int projected = projected(contributedMonths, contributingNow, asOf, date);

        LocalDate earliest = null;
        LocalDate candidate = later(date.minusYears(VOLUNTARY_YEARS), originalDate);
        // The earliest month at which the accrued months meet that year's minimum, searched month by month
        // (at most 36 steps): the minimum itself rises with the year, so no closed form is simpler.
        for (LocalDate d = candidate; !d.isAfter(date); d = d.plusMonths(1)) {
            if (projected(contributedMonths, contributingNow, asOf, d) >= MinimumContribution.months(d.getYear())) {
                earliest = d;
                break;
            }
        }
        return new RetirementOutlook(age, date, originalYears, originalDate, required, contributedMonths, projected,
                earliest, date.plusYears(VOLUNTARY_YEARS));
    }

    private static int projected(int contributed, boolean contributingNow, LocalDate asOf, LocalDate until) {
        if (!contributingNow || !until.isAfter(asOf)) {
            return contributed;
        }
        return contributed + (int) ChronoUnit.MONTHS.between(asOf.withDayOfMonth(1), until.withDayOfMonth(1));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
