package cn.shebao.counter.workstation.citizen;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The contribution tab: every month by insurance type, yearly totals, arrears, and where the contributions
 * moved between employers or regions. Built from rows ordered by month.
 */
public record ContributionHistory(List<Line> lines, List<YearTotal> years, List<Transfer> transfers,
        BigDecimal arrearsTotal, int arrearsMonths, OlderDetail older, YearMonth localFrom) {

    /** Whether the months before the replica's detail window are shown. */
    public enum OlderDetail {
        /** There are none: every month of this record is in the replica. */
        NONE,
        /** Read from central and shown with the rest. */
        INCLUDED,
        /** Kept at central, which cannot be asked now (offline): they show when the link returns. */
        AT_CENTRAL
    }

    /**
     * Whether every month of {@code year} is here: false for a year that starts before the replica's first month
     * while the older months could not be read from central (a statement of that year would miss months).
     */
    public boolean completeFor(int year) {
        return older != OlderDetail.AT_CENTRAL || (localFrom != null && !localFrom.isAfter(YearMonth.of(year, 1)));
    }

    /** This history, if it holds every month of {@code year}; refused in words otherwise (a statement must not miss months). */
    public ContributionHistory requireCompleteFor(int year) {
        if (!completeFor(year)) {
            throw new LocalizedException("statement.error.olderAtCentral", Integer.toString(year));
        }
        return this;
    }

    /** One month of one insurance type. */
    public record Line(YearMonth month, InsuranceType type, String employerName, String regionCode, BigDecimal base,
            BigDecimal employerAmount, BigDecimal personalAmount, ContributionStatus status) {

        public boolean arrears() {
            return status == ContributionStatus.ARREARS;
        }
    }

    /**
     * One calendar year, all insurance types together; {@code pensionMonths} counts paid pension months.
     * {@code firstMonth} is the first month of the year the history holds: a year that starts later (the detail window's
     * edge, or a career's start) is a part of a year, and the screen says so rather than "2024: 1 month".
     */
    public record YearTotal(int year, BigDecimal employerAmount, BigDecimal personalAmount, BigDecimal arrears,
            int pensionMonths, int firstMonth) {

        public boolean partial() {
            return firstMonth > 1;
        }
    }

    /** A month where pension contributions moved to another employer or region. */
    public record Transfer(YearMonth month, String fromEmployer, String toEmployer, String fromRegion, String toRegion) {

        public boolean betweenRegions() {
            return !Objects.equals(fromRegion, toRegion);
        }
    }

    public ContributionHistory {
        lines = List.copyOf(lines);
        years = List.copyOf(years);
        transfers = List.copyOf(transfers);
    }

    /** @param employerNames names of the employers the rows refer to, by id */
    /**
     * @param rows every month shown, ordered by month (older archived months first)
     * @param localFrom the replica's first month of this record, null when it holds none
     */
    static ContributionHistory of(List<? extends MonthlyContribution> rows, Map<UUID, String> employerNames, OlderDetail older,
            YearMonth localFrom) {
        List<Line> lines = new ArrayList<>(rows.size());
        Map<Integer, BigDecimal[]> sums = new TreeMap<>();
        Map<Integer, Integer> pensionMonths = new LinkedHashMap<>();
        Map<Integer, Integer> firstMonths = new TreeMap<>();
        List<Transfer> transfers = new ArrayList<>();
        Map<InsuranceType, MonthlyContribution> previous = new EnumMap<>(InsuranceType.class);
        BigDecimal arrears = BigDecimal.ZERO;
        int arrearsMonths = 0;
        for (MonthlyContribution c : rows) {
            String employer = c.getEmployerId() == null ? null : employerNames.get(c.getEmployerId());
            lines.add(new Line(c.getContributionMonth(), c.getInsuranceType(), employer, c.getRegionCode(), c.getBase(),
                    c.getEmployerAmount(), c.getPersonalAmount(), c.getStatus()));
            int year = c.getContributionMonth().getYear();
            firstMonths.merge(year, c.getContributionMonth().getMonthValue(), Math::min);
            BigDecimal[] s = sums.computeIfAbsent(year, y -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            BigDecimal owed = c.getEmployerAmount().add(c.getPersonalAmount());
            if (c.getStatus() == ContributionStatus.ARREARS) {
                s[2] = s[2].add(owed);
                arrears = arrears.add(owed);
                if (c.getInsuranceType() == InsuranceType.PENSION) {
                    arrearsMonths++;
                }
            } else {
                s[0] = s[0].add(c.getEmployerAmount());
                s[1] = s[1].add(c.getPersonalAmount());
                if (c.getInsuranceType() == InsuranceType.PENSION) {
                    pensionMonths.merge(year, 1, Integer::sum);
                }
            }
            if (c.getInsuranceType() == InsuranceType.PENSION) {
                MonthlyContribution before = previous.put(InsuranceType.PENSION, c);
                if (before != null && (!Objects.equals(before.getEmployerId(), c.getEmployerId())
                        || !Objects.equals(before.getRegionCode(), c.getRegionCode()))) {
                    transfers.add(new Transfer(c.getContributionMonth(),
                            before.getEmployerId() == null ? null : employerNames.get(before.getEmployerId()), employer,
                            before.getRegionCode(), c.getRegionCode()));
                }
            }
        }
        List<YearTotal> years = sums.entrySet().stream().map(e -> new YearTotal(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2], pensionMonths.getOrDefault(e.getKey(), 0), firstMonths.get(e.getKey()))).toList();
        return new ContributionHistory(lines, years, transfers, arrears, arrearsMonths, older, localFrom);
    }
}
