package cn.shebao.counter.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.reports.data.ReportData;
import cn.shebao.counter.reports.data.SampleDocuments;
import cn.shebao.counter.reports.render.ReportRenderer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Renders real PDFs and reads them back: text (with rare characters), embedded fonts, and the QR code. */
class ReportRenderingTest {

    private final ReportRenderer renderer = new ReportRenderer();

    @Test
    void certificateCarriesItsChineseTextAndFiguresWithEmbeddedFonts() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(renderer.pdf(SampleDocuments.certificate()))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("参保证明", SampleDocuments.NAME, "玥", "昇", "企业职工基本养老保险", "398",
                    "CBZM202600001234", "杭州市社会保险服务中心", "证明专用章");
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertEveryFontEmbedded(pdf);
        }
    }

    @Test
    void certificateMasksTheIdNumberUnlessToldToPrintItInFull() throws Exception {
        try (PDDocument masked = Loader.loadPDF(renderer.pdf(SampleDocuments.certificate(false)));
                PDDocument full = Loader.loadPDF(renderer.pdf(SampleDocuments.certificate(true)))) {
            assertThat(new PDFTextStripper().getText(masked)).contains("330106********3218").doesNotContain(SampleDocuments.ID_NUMBER);
            assertThat(new PDFTextStripper().getText(full)).contains(SampleDocuments.ID_NUMBER).contains("1961年7月29日", "男");
        }
    }

    @Test
    void certificateQrCodeDecodesToNumberAndVerificationCode() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(renderer.pdf(SampleDocuments.certificate()))) {
            assertThat(qr(pdf)).isEqualTo(SampleDocuments.QR);
        }
    }

    @Test
    void credentialSlipShowsThePasswordOnceAndNowhereInItsDescription() throws Exception {
        ReportData slip = SampleDocuments.slip();
        try (PDDocument pdf = Loader.loadPDF(renderer.pdf(slip))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("网上服务账号开通通知", "ouyangkz2026", "首次登录时必须修改初始密码");
            assertThat(text.split("Hk7mPq2Wxz", -1)).hasSize(2); // exactly once
            assertEveryFontEmbedded(pdf);
        }
        assertThat(slip.toString()).doesNotContain("Hk7mPq2Wxz");
    }

    @Test
    void decisionNoticeCarriesTheDecisionAndAQrCheck() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(renderer.pdf(SampleDocuments.decision()))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("特殊药品使用申请审批决定书", "甲磺酸奥希替尼片", "C34.9", "审批结果：核准", "60,000.00",
                    "司马玥", "行政复议");
            assertEveryFontEmbedded(pdf);
            assertThat(qr(pdf)).isEqualTo("TYSP2026000321|Q3MZ8KTR");
        }
    }

    @Test
    void pensionStatementListsTwelveMonthsAndTheYearTotal() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(renderer.pdf(SampleDocuments.pensions()))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("养老金发放明细", "2026年1月", "2026年12月", "4,284.00", "2.0%");
            assertThat(text).contains("51,408.00"); // 12 x 4,284.00, summed by the template
            assertEveryFontEmbedded(pdf);
        }
    }

    @Test
    void rightsRecordStatementRunsOverPagesWithRepeatedHeadersNumberingAndSubtotals() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(renderer.pdf(SampleDocuments.statement()))) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(pdf);
                assertThat(page).as("page %d", p).contains("缴费月份", "单位缴纳").contains("第 " + p + " /").contains("/ " + pages);
            }
            stripper.setStartPage(1);
            stripper.setEndPage(pages);
            String all = stripper.getText(pdf);
            // Pension subtotals: 8,650.00 x 16% x 12 and x 8% x 12, computed by the template's group variables.
            assertThat(all).contains("企业职工基本养老保险", "生育保险", "16,608.00", "8,304.00", "欠缴", "186,420.55");
            // Issue 18: the summary tells the reader to scan a QR code; the last page holds it, and it verifies.
            assertThat(all).contains("扫描二维码");
            assertThat(qr(pdf, pages - 1)).isEqualTo("QYJL202600000877|M3RT8KQW");
            assertEveryFontEmbedded(pdf);
        }
    }

    @Test
    void auditExtractIsLandscapeWithTheFilterOnTopAndHeadersOnEveryPage() throws Exception {
        cn.shebao.counter.reports.data.AuditExtract sample = SampleDocuments.auditExtract();
        List<cn.shebao.counter.reports.data.AuditExtract.Event> many = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            many.add(new cn.shebao.counter.reports.data.AuditExtract.Event(Integer.toString(5000 + i), "2026-11-27 09:12:40", "HZ-XH-03",
                    "陈静", "查阅档案", "参保人 5f0c9a2e…", "本人持身份证到窗口办理", "成功"));
        }
        cn.shebao.counter.reports.data.AuditExtract long_ = new cn.shebao.counter.reports.data.AuditExtract(sample.centreName(), sample.title(),
                sample.filterBlock(), sample.columnSequence(), sample.columnTime(), sample.columnWorkstation(), sample.columnStaff(),
                sample.columnAction(), sample.columnSubject(), sample.columnPurpose(), sample.columnOutcome(), many, "共 120 条。",
                sample.pageLabel(), sample.issuedLine());
        try (PDDocument pdf = Loader.loadPDF(renderer.pdf(long_))) {
            PDPage first = pdf.getPage(0);
            // JasperReports writes a landscape page as a portrait media box turned by 90 degrees: as a viewer shows it.
            boolean turned = first.getRotation() % 180 != 0;
            float shownWidth = turned ? first.getMediaBox().getHeight() : first.getMediaBox().getWidth();
            float shownHeight = turned ? first.getMediaBox().getWidth() : first.getMediaBox().getHeight();
            assertThat(shownWidth).isGreaterThan(shownHeight);
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                assertThat(stripper.getText(pdf)).as("page %d", p).contains("序号", "工作人员", "用途").contains("第 " + p + " /");
            }
            stripper.setStartPage(1);
            stripper.setEndPage(pages);
            String all = stripper.getText(pdf);
            assertThat(all).contains("审计记录摘录", "范围：本窗口 HZ-XH-03", "5000", "5119", "共 120 条。");
            assertEveryFontEmbedded(pdf);
        }
    }

    /** Decodes the QR code on the first page, as a phone would from a 200 dpi scan. */
    private static String qr(PDDocument pdf) throws Exception {
        return qr(pdf, 0);
    }

    private static String qr(PDDocument pdf, int pageIndex) throws Exception {
        BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(pageIndex, 200);
        Result result = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
                java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE,
                        com.google.zxing.DecodeHintType.POSSIBLE_FORMATS, java.util.List.of(com.google.zxing.BarcodeFormat.QR_CODE)));
        return result.getText();
    }

    private static void assertEveryFontEmbedded(PDDocument pdf) throws Exception {
        List<String> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            PDResources resources = page.getResources();
            for (var name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                fonts.add(font.getName());
                assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
            }
        }
        assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f).contains("NotoSansSC"));
    }
}
