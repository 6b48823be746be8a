package cn.shebao.counter.reports.render;

import cn.shebao.counter.reports.ReportTemplate;
import cn.shebao.counter.reports.data.ReportData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;

/**
 * Fills the precompiled templates and exports PDFs. Templates load once and are cached; thread-safe, so
 * the workstation can warm it up in the background before the first print.
 *
 * <p>Centres change letterheads: a {@code <template>.jrxml} in the overrides directory replaces the bundled
 * template. It is compiled once and cached; a broken override is logged as an error, listed in
 * {@link #overrideProblems()} for the workstation to show, and the bundled template is used instead.
 */
public final class ReportRenderer {

    private static final System.Logger LOG = System.getLogger(ReportRenderer.class.getName());

    private final Map<ReportTemplate, JasperReport> compiled = new ConcurrentHashMap<>();
    private final Path overrides;
    private final Map<ReportTemplate, String> overrideProblems = new ConcurrentHashMap<>();

    public ReportRenderer() {
        this(null);
    }

    /** @param overrides a directory of replacement {@code .jrxml} files, or null for none */
    public ReportRenderer(Path overrides) {
        this.overrides = overrides;
    }

    /** Broken overrides by template, with the compiler's message; empty when all is well. */
    public Map<ReportTemplate, String> overrideProblems() {
        return Map.copyOf(overrideProblems);
    }

    public JasperPrint render(ReportData data) throws ReportException {
        JasperReport report = template(data.template());
        List<Map<String, ?>> rows = data.rows();
        JRDataSource source = rows.isEmpty() ? new JREmptyDataSource(0) : new JRMapCollectionDataSource(new ArrayList<>(rows));
        try {
            return JasperFillManager.fillReport(report, new HashMap<>(data.parameters()), source);
        } catch (JRException e) {
            throw new ReportException(ReportException.Problem.FILL_FAILED, data.template().fileName(), e);
        }
    }

    public byte[] pdf(ReportData data) throws ReportException {
        return pdf(render(data));
    }

    public byte[] pdf(JasperPrint print) throws ReportException {
        try {
            return JasperExportManager.exportReportToPdf(print);
        } catch (JRException e) {
            throw new ReportException(ReportException.Problem.EXPORT_FAILED, print.getName(), e);
        }
    }

    JasperReport template(ReportTemplate template) throws ReportException {
        JasperReport cached = compiled.get(template);
        if (cached != null) {
            return cached;
        }
        JasperReport override = override(template);
        if (override != null) {
            compiled.put(template, override);
            return override;
        }
        try (InputStream in = ReportRenderer.class.getResourceAsStream(template.compiledResource())) {
            if (in == null) {
                throw new ReportException(ReportException.Problem.TEMPLATE_MISSING, template.fileName(), null);
            }
            JasperReport report = (JasperReport) JRLoader.loadObject(in);
            compiled.put(template, report);
            return report;
        } catch (IOException | JRException e) {
            throw new ReportException(ReportException.Problem.TEMPLATE_MISSING, template.fileName(), e);
        }
    }

    private JasperReport override(ReportTemplate template) {
        if (overrides == null) {
            return null;
        }
        Path jrxml = overrides.resolve(template.fileName() + ".jrxml");
        if (!Files.isRegularFile(jrxml)) {
            return null;
        }
        try {
            return JasperCompileManager.compileReport(jrxml.toString());
        } catch (JRException | RuntimeException e) {
            overrideProblems.put(template, jrxml + ": " + e.getMessage());
            LOG.log(System.Logger.Level.ERROR, "Broken template override " + jrxml + "; using the bundled template", e);
            return null;
        }
    }
}
