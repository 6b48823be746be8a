package cn.shebao.counter.reports.render;

import cn.shebao.counter.reports.ReportTemplate;
import cn.shebao.counter.reports.data.ReportData;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 */
public final class ReportRenderer {

    private final Map<ReportTemplate, JasperReport> compiled = new ConcurrentHashMap<>();

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
