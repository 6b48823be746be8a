package cn.shebao.counter.workstation.retirement;

/**
 * The minimum contribution period for a monthly pension under the 2025 reform: 15 years for anyone retiring
 * up to the end of 2029, then six months more for each later year until it reaches 20 years (from 2039).
 */
public final class MinimumContribution {

    static final int BASE_MONTHS = 15 * 12;
    static final int CAP_MONTHS = 20 * 12;
    private static final int FIRST_RAISED_YEAR = 2030;

    private MinimumContribution() {
    }

    /** Months of contribution needed by someone retiring in {@code year}. */
    public static int months(int year) {
        if (year < FIRST_RAISED_YEAR) {
            return BASE_MONTHS;
        }
        return Math.min(CAP_MONTHS, BASE_MONTHS + 6 * (year - FIRST_RAISED_YEAR + 1));
    }
}
