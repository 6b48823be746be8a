package cn.shebao.counter.workstation.app;

import cn.shebao.counter.reports.data.SampleDocuments;
import cn.shebao.counter.reports.overrides.OverrideRefusal;
import cn.shebao.counter.reports.render.ReportException;
import cn.shebao.counter.reports.render.ReportRenderer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first render in a JVM takes seconds (classes, the 10 MB font); doing it at start, on a low-priority background
 * thread, keeps the clerk's first print from freezing the window. Every template is loaded then, so that a refused
 * centre template shows at start, not at its first print.
 */
final class ReportsWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(ReportsWarmUp.class);

    private final CompletableFuture<List<OverrideRefusal>> refusedTemplates = new CompletableFuture<>();

    static ReportsWarmUp start(ReportRenderer reports) {
        ReportsWarmUp warmUp = new ReportsWarmUp();
        Thread warm = new Thread(() -> warmUp.run(reports), "reports-warm-up");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
        return warmUp;
    }

    private void run(ReportRenderer reports) {
        long start = System.nanoTime();
        try {
            refusedTemplates.complete(List.copyOf(reports.loadAll().values()));
            reports.pdf(SampleDocuments.certificate());
            LOG.info("Reports warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (ReportException | RuntimeException e) {
            refusedTemplates.complete(List.copyOf(reports.refusedOverrides().values()));
            LOG.error("Report warm-up failed; the first print will be slow or fail", e);
        }
    }

    /** The centre templates found and refused, known once the warm-up has loaded them all. */
    CompletionStage<List<OverrideRefusal>> refusedTemplates() {
        return refusedTemplates;
    }
}
