package cn.shebao.counter.reports.render;

import cn.shebao.counter.reports.ReportTemplate;
import cn.shebao.counter.reports.data.ReportData;
import cn.shebao.counter.reports.overrides.OverrideRefusal;
import cn.shebao.counter.reports.overrides.TemplateOverrides;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
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
 * <p>Centres change letterheads: a {@code <template>.jrxml} in the overrides directory, signed with the centre's
 * template key, replaces the bundled template (see {@link TemplateOverrides}). It is compiled once and cached; an
 * override that is refused (unsigned, altered, outside the rules, broken) is logged as an error, listed in
 * {@link #refusedOverrides()} for the workstation to show, and the bundled template is used instead.
 */
public final class ReportRenderer {

    private static final System.Logger LOG = System.getLogger(ReportRenderer.class.getName());

    private final Map<ReportTemplate, JasperReport> compiled = new ConcurrentHashMap<>();
    private final TemplateOverrides overrides;
    private final Map<ReportTemplate, OverrideRefusal> refused = new ConcurrentHashMap<>();

    /** Bundled templates only. */
    public ReportRenderer() {
        this(new TemplateOverrides(null, null));
    }

    public ReportRenderer(TemplateOverrides overrides) {
        this.overrides = overrides;
    }

    /** Overrides found and not used, by template; empty when all is well or none was tried yet. */
    public Map<ReportTemplate, OverrideRefusal> refusedOverrides() {
        return Map.copyOf(refused);
    }

    /**
     * Loads every template now, so that a refused override is known at start rather than at the first print of
     * that document; seconds per override (each is compiled), nothing when there are none.
     */
    public Map<ReportTemplate, OverrideRefusal> loadAll() throws ReportException {
        for (ReportTemplate t : ReportTemplate.values()) {
            template(t);
        }
        return refusedOverrides();
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
        TemplateOverrides.Outcome override = overrides.load(template);
        override.refusal().ifPresent(refusal -> {
            refused.put(template, refusal);
            LOG.log(System.Logger.Level.ERROR, refusal.message(Locale.ENGLISH) + " " + refusal.violations());
        });
        if (override.report().isPresent()) {
            compiled.put(template, override.report().get());
            return override.report().get();
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
}
