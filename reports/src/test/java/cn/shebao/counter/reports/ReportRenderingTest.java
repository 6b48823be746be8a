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
    void certificateQrCodeDecodesToNumberAndVerificationCode() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(renderer.pdf(SampleDocuments.certificate()))) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 200);
            Result qr = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))));
            assertThat(qr.getText()).isEqualTo(SampleDocuments.QR);
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
