package cn.shebao.counter.reports.overrides;

import cn.shebao.counter.reports.ReportTemplate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.xml.JRXmlLoader;

/**
 * The centre's replacement templates in one directory: {@code <name>.jrxml} with its signature beside it in
 * {@code <name>.jrxml.sig}. An override is used only when the centre's template key signed exactly these bytes
 * under this name and the template keeps to {@link TemplateRestrictions}; otherwise it is refused with a reason
 * and the bundled template prints. Order matters: the signature is checked on the bytes read once, and only those
 * bytes are parsed and compiled, so the file cannot be swapped between the check and the use, and no unsigned XML
 * ever reaches the XML parser.
 */
public final class TemplateOverrides {

    /** The outcome for one template: exactly one of the two is present when an override file exists. */
    public record Outcome(Optional<JasperReport> report, Optional<OverrideRefusal> refusal) {
    }

    private static final Outcome NONE = new Outcome(Optional.empty(), Optional.empty());

    private final Path directory;
    private final TemplateKey key;

    /**
     * @param directory where overrides may be; null for none
     * @param key the centre's template key, or null when IT configured none (then every override is refused)
     */
    public TemplateOverrides(Path directory, TemplateKey key) {
        this.directory = directory;
        this.key = key;
    }

    public static Path signatureOf(Path jrxml) {
        return jrxml.resolveSibling(jrxml.getFileName() + ".sig");
    }

    static String templateName(Path jrxml) {
        String file = jrxml.getFileName().toString();
        return file.endsWith(".jrxml") ? file.substring(0, file.length() - ".jrxml".length()) : file;
    }

    /** The override for {@code template}: none, a compiled report, or a refusal. */
    public Outcome load(ReportTemplate template) {
        if (directory == null) {
            return NONE;
        }
        Path jrxml = directory.resolve(template.fileName() + ".jrxml");
        if (!Files.isRegularFile(jrxml)) {
            return NONE;
        }
        if (key == null) {
            return refused(OverrideRefusal.of(template, OverrideRefusal.Reason.NO_KEY));
        }
        Path signatureFile = signatureOf(jrxml);
        if (!Files.isRegularFile(signatureFile)) {
            return refused(OverrideRefusal.of(template, OverrideRefusal.Reason.NOT_SIGNED));
        }
        byte[] content;
        byte[] signature;
        try {
            content = Files.readAllBytes(jrxml);
            signature = Base64.getMimeDecoder().decode(Files.readString(signatureFile, StandardCharsets.US_ASCII).strip());
        } catch (IOException | IllegalArgumentException e) {
            return refused(OverrideRefusal.of(template, OverrideRefusal.Reason.BAD_SIGNATURE));
        }
        if (!key.verifies(template.fileName(), content, signature)) {
            return refused(OverrideRefusal.of(template, OverrideRefusal.Reason.BAD_SIGNATURE));
        }
        JasperDesign design;
        try {
            design = JRXmlLoader.load(new ByteArrayInputStream(content));
        } catch (JRException | RuntimeException e) {
            return refused(new OverrideRefusal(template, OverrideRefusal.Reason.BROKEN, List.of(), e.getMessage()));
        }
        List<TemplateRestrictions.Violation> violations = TemplateRestrictions.check(design);
        if (!violations.isEmpty()) {
            return refused(new OverrideRefusal(template, OverrideRefusal.Reason.NOT_ALLOWED, violations, ""));
        }
        try {
            return new Outcome(Optional.of(JasperCompileManager.compileReport(design)), Optional.empty());
        } catch (JRException | RuntimeException e) {
            return refused(new OverrideRefusal(template, OverrideRefusal.Reason.BROKEN, List.of(), e.getMessage()));
        }
    }

    private static Outcome refused(OverrideRefusal refusal) {
        return new Outcome(Optional.empty(), Optional.of(refusal));
    }
}
