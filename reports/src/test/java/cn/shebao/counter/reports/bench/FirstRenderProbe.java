package cn.shebao.counter.reports.bench;

import cn.shebao.counter.reports.data.SampleDocuments;
import cn.shebao.counter.reports.render.ReportRenderer;

/** Child-process helper for {@link ReportBenchmark}: the first render and export in a fresh JVM. */
public final class FirstRenderProbe {

    private FirstRenderProbe() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        byte[] pdf = new ReportRenderer().pdf(SampleDocuments.certificate());
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("FIRST " + ms + " " + pdf.length);
    }
}
