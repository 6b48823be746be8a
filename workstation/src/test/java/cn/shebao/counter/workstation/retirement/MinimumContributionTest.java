package cn.shebao.counter.workstation.retirement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 15 years to the end of 2029, six months more each year from 2030, 20 years from 2039 on. */
class MinimumContributionTest {

    @ParameterizedTest(name = "retiring in {0}: {1} months")
    @CsvSource({"2024, 180", "2025, 180", "2029, 180", "2030, 186", "2031, 192", "2035, 216", "2038, 234", "2039, 240",
        "2040, 240", "2060, 240"})
    void risesHalfAYearEachYearFrom2030UntilTwentyYears(int year, int months) {
        assertThat(MinimumContribution.months(year)).isEqualTo(months);
    }
}
