package cn.shebao.counter.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.reports.ReportTemplate;
import cn.shebao.counter.reports.data.SampleDocuments;
import cn.shebao.counter.reports.render.ReportRenderer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run by scripts/bench.sh): warm render-and-export time per template against the
 * first call in a fresh JVM (which loads classes and parses the 10 MB font), measured in the same run.
 */
@Tag("bench")
class ReportBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.reportRounds", 20);

    @Test
    void warmAgainstFirstCall() throws Exception {
        long first = firstCallInFreshJvm();
        ReportRenderer renderer = new ReportRenderer();
        StringBuilder rows = new StringBuilder();
        for (ReportTemplate t : ReportTemplate.values()) {
            for (int i = 0; i < 5; i++) {
                renderer.pdf(SampleDocuments.of(t)); // warm-up
            }
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                long start = System.nanoTime();
                byte[] pdf = renderer.pdf(SampleDocuments.of(t));
                ms.add((System.nanoTime() - start) / 1e6);
                assertThat(pdf).isNotEmpty();
            }
            Collections.sort(ms);
            rows.append(String.format(Locale.ROOT, "| %s, warm (median of %d) | %.1f |%n", t.fileName(), ROUNDS, ms.get(ms.size() / 2)));
        }
        String table = String.format(Locale.ROOT, """

                | Render and export to PDF | ms |
                |---|---:|
                | baseline: first call in a fresh JVM (participation certificate) | %d |
                %s| target: warm one-page document | < 150 |
                """, first, rows);
        System.out.println(table);
        Files.writeString(Path.of("target", "bench-reports.md"), table);
    }

    private static long firstCallInFreshJvm() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), FirstRenderProbe.class.getName()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("FIRST ")) {
                    p.waitFor();
                    return Long.parseLong(line.split(" ")[1]);
                }
            }
        }
        throw new IllegalStateException("probe printed no timing");
    }
}
