package cn.shebao.counter.reports.render;

import java.util.Arrays;
import java.util.List;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.Copies;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.export.JRPrintServiceExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimplePrintServiceExporterConfiguration;

/**
 * Prints to the printer the clerk chose, by exact name, through the Java Print Service. A missing or
 * refusing printer is an error with the printer's name in it, never a silent fallback to another printer
 * (a certificate printed at the wrong window is a privacy incident).
 */
public final class ReportPrinter {

    /** Names of the printers this machine offers. */
    public static List<String> printers() {
        return Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null)).map(PrintService::getName).sorted().toList();
    }

    public void print(JasperPrint document, String printerName, int copies) throws ReportException {
        if (copies < 1 || copies > 20) {
            throw new IllegalArgumentException("copies must be 1..20");
        }
        PrintService service = Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null))
                .filter(s -> s.getName().equals(printerName)).findFirst()
                .orElseThrow(() -> new ReportException(ReportException.Problem.PRINTER_NOT_FOUND, printerName, null));
        PrintRequestAttributeSet request = new HashPrintRequestAttributeSet();
        request.add(new Copies(copies));
        SimplePrintServiceExporterConfiguration configuration = new SimplePrintServiceExporterConfiguration();
        configuration.setPrintService(service);
        configuration.setPrintRequestAttributeSet(request);
        configuration.setDisplayPageDialog(false);
        configuration.setDisplayPrintDialog(false);
        JRPrintServiceExporter exporter = new JRPrintServiceExporter();
        exporter.setExporterInput(new SimpleExporterInput(document));
        exporter.setConfiguration(configuration);
        try {
            exporter.exportReport();
        } catch (JRException | RuntimeException e) {
            throw new ReportException(ReportException.Problem.PRINT_REJECTED, printerName, e);
        }
    }
}
