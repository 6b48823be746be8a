package cn.shebao.counter.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.reports.data.SampleDocuments;
import cn.shebao.counter.reports.render.ReportRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateOverrideTest {

    @TempDir
    Path overrides;

    @Test
    void aCentresOwnLetterheadReplacesTheBundledTemplate() throws Exception {
        String bundled = Files.readString(Path.of("src/main/jasperreports/credential-slip.jrxml"));
        Files.writeString(overrides.resolve("credential-slip.jrxml"),
                bundled.replace("<expression><![CDATA[$P{centreName}]]></expression>",
                        "<expression><![CDATA[\"余杭区社保分中心 \" + $P{centreName}]]></expression>"));
        ReportRenderer renderer = new ReportRenderer(overrides);
        try (PDDocument pdf = Loader.loadPDF(renderer.pdf(SampleDocuments.slip()))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("余杭区社保分中心");
        }
        assertThat(renderer.overrideProblems()).isEmpty();
    }

    @Test
    void aBrokenOverrideIsReportedAndTheBundledTemplateUsed() throws Exception {
        Files.writeString(overrides.resolve("credential-slip.jrxml"), "<jasperReport name=\"broken\"><title height=");
        ReportRenderer renderer = new ReportRenderer(overrides);
        try (PDDocument pdf = Loader.loadPDF(renderer.pdf(SampleDocuments.slip()))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("网上服务账号开通通知");
        }
        assertThat(renderer.overrideProblems()).containsKey(ReportTemplate.CREDENTIAL_SLIP);
        assertThat(renderer.overrideProblems().get(ReportTemplate.CREDENTIAL_SLIP)).contains("credential-slip.jrxml");
    }
}
