package cn.shebao.counter.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.reports.cli.ReportsCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportsCliTest {

    @TempDir
    Path tmp;

    @Test
    void samplesWritesOnePdfPerTemplate() throws Exception {
        int exit = new CommandLine(new ReportsCli()).execute("samples", "--out", tmp.toString());
        assertThat(exit).isZero();
        for (ReportTemplate t : ReportTemplate.values()) {
            Path pdf = tmp.resolve(t.fileName() + ".pdf");
            assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
        }
    }

    @Test
    void renderFillsATemplateFromJsonWithNumbersAsMoney() throws Exception {
        Path data = tmp.resolve("pensions.json");
        Files.writeString(data, """
                {"parameters": {"title": "养老金发放明细（测试）", "totalLabel": "全年合计", "centreName": "测试中心"},
                 "rows": [{"month": "2026年1月", "basic": 2000.5, "account": 800, "transitional": 1000, "total": 3800.5, "paidOn": "2026-01-10"},
                          {"month": "2026年2月", "basic": 2000.5, "account": 800, "transitional": 1000, "total": 3800.5, "paidOn": "2026-02-10"}]}
                """);
        Path out = tmp.resolve("out.pdf");
        int exit = new CommandLine(new ReportsCli()).execute("render", "--template", "pension-statement", "--data", data.toString(),
                "--out", out.toString());
        assertThat(exit).isZero();
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("养老金发放明细（测试）", "3,800.50", "7,601.00");
        }
    }
}
