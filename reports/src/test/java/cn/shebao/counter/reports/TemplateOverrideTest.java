package cn.shebao.counter.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.reports.cli.ReportsCli;
import cn.shebao.counter.reports.data.SampleDocuments;
import cn.shebao.counter.reports.overrides.OverrideRefusal;
import cn.shebao.counter.reports.overrides.TemplateKey;
import cn.shebao.counter.reports.overrides.TemplateOverrides;
import cn.shebao.counter.reports.overrides.TemplateRestrictions;
import cn.shebao.counter.reports.overrides.TemplateSigning;
import cn.shebao.counter.reports.render.ReportRenderer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.xml.JRXmlLoader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A centre's template replaces the bundled one only when the centre's key signed it and it runs no code of its own.
 * Each refusal prints the bundled slip (its title is checked in the PDF) and says why.
 */
class TemplateOverrideTest {

    private static final String CENTRE_EXPRESSION = "<expression><![CDATA[$P{centreName}]]></expression>";

    @TempDir
    Path overrides;

    @TempDir
    Path itMachine;

    private KeyPair centreKey;
    private Path slip;

    @BeforeEach
    void centreKey() {
        centreKey = TemplateSigning.generate();
        slip = overrides.resolve("credential-slip.jrxml");
    }

    private static String bundledSlip() throws Exception {
        return Files.readString(Path.of("src/main/jasperreports/credential-slip.jrxml"));
    }

    private String withCentreLine(String expression) throws Exception {
        String bundled = bundledSlip();
        assertThat(bundled).contains(CENTRE_EXPRESSION);
        return bundled.replace(CENTRE_EXPRESSION, "<expression><![CDATA[" + expression + "]]></expression>");
    }

    private void sign(Path jrxml) throws Exception {
        TemplateSigning.sign(centreKey.getPrivate(), jrxml);
    }

    private ReportRenderer renderer() {
        return new ReportRenderer(new TemplateOverrides(overrides, TemplateKey.of(centreKey.getPublic())));
    }

    private static String text(ReportRenderer renderer) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(renderer.pdf(SampleDocuments.slip()))) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    private static OverrideRefusal refusal(ReportRenderer renderer) throws Exception {
        assertThat(renderer.loadAll()).containsOnlyKeys(ReportTemplate.CREDENTIAL_SLIP);
        return renderer.refusedOverrides().get(ReportTemplate.CREDENTIAL_SLIP);
    }

    @Test
    void aSignedLetterheadReplacesTheBundledTemplate() throws Exception {
        Files.writeString(slip, withCentreLine("\"余杭区社保分中心 \" + $P{centreName}"));
        sign(slip);
        ReportRenderer renderer = renderer();
        assertThat(renderer.loadAll()).isEmpty();
        assertThat(text(renderer)).contains("余杭区社保分中心");
    }

    @Test
    void anUnsignedOverrideIsRefusedAndTheBundledTemplatePrints() throws Exception {
        Files.writeString(slip, withCentreLine("\"未签名的模板 \" + $P{centreName}"));
        ReportRenderer renderer = renderer();
        OverrideRefusal refusal = refusal(renderer);
        assertThat(refusal.reason()).isEqualTo(OverrideRefusal.Reason.NOT_SIGNED);
        assertThat(refusal.message(Locale.SIMPLIFIED_CHINESE)).contains("credential-slip.jrxml", "没有签名文件", "改用内置模板");
        assertThat(text(renderer)).contains("网上服务账号开通通知").doesNotContain("未签名的模板");
    }

    @Test
    void aTemplateChangedAfterSigningIsRefused() throws Exception {
        Files.writeString(slip, withCentreLine("\"签名时的模板 \" + $P{centreName}"));
        sign(slip);
        Files.writeString(slip, withCentreLine("\"签名后改动的模板 \" + $P{centreName}"));
        ReportRenderer renderer = renderer();
        OverrideRefusal refusal = refusal(renderer);
        assertThat(refusal.reason()).isEqualTo(OverrideRefusal.Reason.BAD_SIGNATURE);
        assertThat(refusal.message(Locale.ENGLISH)).contains("changed after signing");
        assertThat(text(renderer)).doesNotContain("改动");
    }

    @Test
    void aTemplateSignedWithAnotherKeyIsRefused() throws Exception {
        Files.writeString(slip, withCentreLine("\"别人的模板 \" + $P{centreName}"));
        TemplateSigning.sign(TemplateSigning.generate().getPrivate(), slip);
        assertThat(refusal(renderer()).reason()).isEqualTo(OverrideRefusal.Reason.BAD_SIGNATURE);
    }

    @Test
    void aSignatureForOneTemplateDoesNotCoverAnother() throws Exception {
        // The certificate's own signed bytes, renamed into the slip's place with its signature.
        Path certificate = itMachine.resolve("participation-certificate.jrxml");
        Files.writeString(certificate, Files.readString(Path.of("src/main/jasperreports/participation-certificate.jrxml")));
        sign(certificate);
        Files.copy(certificate, slip);
        Files.copy(TemplateOverrides.signatureOf(certificate), TemplateOverrides.signatureOf(slip));
        assertThat(refusal(renderer()).reason()).isEqualTo(OverrideRefusal.Reason.BAD_SIGNATURE);
    }

    @Test
    void withoutAConfiguredKeyEveryOverrideIsRefused() throws Exception {
        Files.writeString(slip, withCentreLine("\"无公钥 \" + $P{centreName}"));
        sign(slip);
        ReportRenderer renderer = new ReportRenderer(new TemplateOverrides(overrides, null));
        OverrideRefusal refusal = refusal(renderer);
        assertThat(refusal.reason()).isEqualTo(OverrideRefusal.Reason.NO_KEY);
        assertThat(refusal.message(Locale.SIMPLIFIED_CHINESE)).contains("templates.publicKey");
        assertThat(text(renderer)).doesNotContain("无公钥");
    }

    @Test
    void aSignedTemplateWithJavaInAnExpressionNeverRunsIt() throws Exception {
        Path planted = itMachine.resolve("expression-ran");
        // Signed: a stolen or careless signing key must not be a way to run code in the workstation either.
        Files.writeString(slip, withCentreLine("new java.io.File(\"" + planted + "\").createNewFile() ? \"x\" : $P{centreName}"));
        sign(slip);
        ReportRenderer renderer = renderer();
        // Printed first: had the expression been compiled in, filling the slip would have run it.
        assertThat(text(renderer)).contains("网上服务账号开通通知");
        assertThat(planted).doesNotExist();
        OverrideRefusal refusal = refusal(renderer);
        assertThat(refusal.reason()).isEqualTo(OverrideRefusal.Reason.NOT_ALLOWED);
        assertThat(refusal.violations()).extracting(TemplateRestrictions.Violation::rule)
                .containsExactly(TemplateRestrictions.Rule.EXPRESSION);
        assertThat(refusal.message(Locale.SIMPLIFIED_CHINESE)).contains("不能运行代码", "new java.io.File");
    }

    @Test
    void aUnicodeEscapeCannotCloseTheStringLiteral() throws Exception {
        Path planted = itMachine.resolve("escape-ran");
        // To a naive reader one string literal; to javac, which decodes the escapes first, a call between two.
        Files.writeString(slip, withCentreLine("\"a\\u0022 + (new java.io.File(\\u0022" + planted
                + "\\u0022).createNewFile() ? \\u0022\\u0022 : \\u0022\\u0022) + \\u0022b\""));
        sign(slip);
        ReportRenderer renderer = renderer();
        text(renderer);
        assertThat(planted).doesNotExist();
        assertThat(refusal(renderer).reason()).isEqualTo(OverrideRefusal.Reason.NOT_ALLOWED);
    }

    @Test
    void classNamesAndScriptletsThatWouldRunCodeAreRefused() throws Exception {
        String bundled = bundledSlip();
        String withScriptlet = bundled.replaceFirst("<jasperReport name=\"credential-slip\"",
                "<jasperReport name=\"credential-slip\" scriptletClass=\"java.lang.ProcessBuilder\"");
        String withClass = withScriptlet.replaceFirst("<parameter name=\"centreName\" class=\"java.lang.String\"",
                "<parameter name=\"centreName\" class=\"java.lang.Runtime\"");
        assertThat(withClass).isNotEqualTo(withScriptlet).isNotEqualTo(bundled);
        Files.writeString(slip, withClass);
        sign(slip);
        OverrideRefusal refusal = refusal(renderer());
        assertThat(refusal.violations()).extracting(TemplateRestrictions.Violation::rule)
                .contains(TemplateRestrictions.Rule.SCRIPTLET, TemplateRestrictions.Rule.VALUE_CLASS);
    }

    @Test
    void aSignedTemplateJasperReportsCannotReadIsReportedAsBroken() throws Exception {
        Files.writeString(slip, "<jasperReport name=\"broken\"><title height=");
        sign(slip);
        ReportRenderer renderer = renderer();
        assertThat(refusal(renderer).reason()).isEqualTo(OverrideRefusal.Reason.BROKEN);
        assertThat(text(renderer)).contains("网上服务账号开通通知");
    }

    @Test
    void everyBundledTemplateKeepsToTheRulesSoACentreCanStartFromIt() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/jasperreports"))) {
            List<Path> templates = files.filter(f -> f.toString().endsWith(".jrxml")).toList();
            assertThat(templates).hasSize(ReportTemplate.values().length);
            for (Path t : templates) {
                assertThat(TemplateRestrictions.check(JRXmlLoader.load(t.toFile()))).as(t.toString()).isEmpty();
            }
        }
    }

    @Test
    void itMakesTheKeyAndSignsOnlyWhatTheWorkstationsWouldAccept() throws Exception {
        Path privateKey = itMachine.resolve("template-signing.key");
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ReportsCli()).setOut(new PrintWriter(out, true));
        assertThat(cli.execute("template-key", "--private-key", privateKey.toString())).isZero();
        assertThat(Files.getPosixFilePermissions(privateKey)).hasSize(2);
        String line = out.toString().strip();
        assertThat(line).startsWith("templates.publicKey=");
        TemplateKey key = TemplateKey.parse(line.substring("templates.publicKey=".length()));

        Files.writeString(slip, withCentreLine("\"信息科签名 \" + $P{centreName}"), StandardCharsets.UTF_8);
        Path evil = overrides.resolve("participation-certificate.jrxml");
        Files.writeString(evil, Files.readString(Path.of("src/main/jasperreports/participation-certificate.jrxml"))
                .replaceFirst("<expression><!\\[CDATA\\[\\$P\\{title\\}\\]\\]></expression>",
                        "<expression><![CDATA[System.getenv(\"HOME\")]]></expression>"));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("sign", "--private-key", privateKey.toString(), slip.toString(), evil.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("participation-certificate.jrxml", "EXPRESSION", "System.getenv");
        assertThat(TemplateOverrides.signatureOf(evil)).doesNotExist();
        assertThat(cli.execute("template-key", "--private-key", privateKey.toString())).as("never overwrites a key").isEqualTo(2);

        ReportRenderer renderer = new ReportRenderer(new TemplateOverrides(overrides, key));
        assertThat(text(renderer)).contains("信息科签名");
        assertThat(renderer.loadAll()).containsOnlyKeys(ReportTemplate.PARTICIPATION_CERTIFICATE);
    }
}
