package cn.shebao.counter.reports.render;

import java.awt.Dimension;
import java.awt.Window;
import java.util.Locale;
import javax.swing.JDialog;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.swing.JRViewer;

/** Shows a rendered document in JasperReports' Swing viewer before it is printed; call on the EDT. */
public final class ReportPreview {

    private ReportPreview() {
    }

    public static JDialog dialog(Window owner, String title, JasperPrint document, Locale locale) {
        JDialog dialog = new JDialog(owner, title, JDialog.ModalityType.APPLICATION_MODAL);
        dialog.setName("report.preview");
        JRViewer viewer = new JRViewer(document, locale);
        viewer.setName("report.viewer");
        dialog.setContentPane(viewer);
        dialog.setSize(new Dimension(900, 1000));
        dialog.setLocationRelativeTo(owner);
        return dialog;
    }
}
