package cn.shebao.counter.workstation.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault soak in CI: the short schedule (at least 20 faults, every kind) against the whole hall ends with zero
 * anomalies, each fault having struck work in flight; and the same checker fails a central whose applier forgets
 * the commands it applied, naming what went wrong. The long run is scripts/soak.sh.
 */
class ShortSoakTest {

    @TempDir
    Path tmp;

    @Test
    void theShortScheduleEndsWithNothingLostDuplicatedOrBroken() throws Exception {
        SoakRun.Result result = SoakRun.run(SoakPlan.shortRun(20261202, tmp.resolve("soak")));
        Path report = SoakReport.write(result, Path.of("target/soak-report"));
        keepLogs(tmp.resolve("soak/logs"), Path.of("target/soak-report/logs-20261202"));
        System.out.println("ShortSoakTest report: " + report.toAbsolutePath());

        assertThat(result.anomalies()).as("anomalies (report: %s)", report).isEmpty();
        assertThat(result.struck()).hasSizeGreaterThanOrEqualTo(20);
        Set<Fault.Kind> kinds = result.struck().stream().map(s -> s.fault().kind()).collect(Collectors.toSet());
        assertThat(kinds).isEqualTo(EnumSet.allOf(Fault.Kind.class));
        assertThat(result.struck()).as("faults that found nothing in flight").allMatch(FaultInjector.Struck::hit);
        assertThat(result.drain()).isNotNull();
        assertThat(result.operations()).hasSizeGreaterThan(100);
        assertThat(result.operations()).as("kills interrupted operations").anyMatch(o -> o.answer().equals("INTERRUPTED"));
        assertThat(result.counts().commandsPerNode().values()).allMatch(n -> n > 20);
    }

    /** The processes' logs beside the report, for a failure in CI (they hold demo data only). */
    private static void keepLogs(Path from, Path to) throws java.io.IOException {
        java.nio.file.Files.createDirectories(to);
        try (var files = java.nio.file.Files.list(from)) {
            for (Path f : files.toList()) {
                java.nio.file.Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void aCentralThatForgetsItsDuplicatesIsCaughtAndNamed() throws Exception {
        SoakRun.Result result = SoakRun.run(SoakPlan.shortRun(7, tmp.resolve("broken")).withBrokenApplier());
        keepLogs(tmp.resolve("broken/logs"), Path.of("target/soak-report/logs-broken"));
        // The kinds and a few examples: a broken central leaves thousands, and the log needs only what they are.
        System.out.println("ShortSoakTest broken-applier anomalies: " + result.anomalies().size() + " "
                + result.anomalies().stream().collect(java.util.stream.Collectors.groupingBy(SoakChecker.Anomaly::kind,
                        java.util.TreeMap::new, java.util.stream.Collectors.counting())) + ", first: "
                + result.anomalies().subList(0, Math.min(5, result.anomalies().size())));
        assertThat(result.anomalies()).isNotEmpty();
        assertThat(result.anomalies()).extracting(SoakChecker.Anomaly::kind).containsAnyOf("NOT_DRAINED", "NOT_ACKNOWLEDGED", "ANSWER_DIFFERS",
                "LOST", "PHANTOM");
    }
}
