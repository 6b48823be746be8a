package cn.shebao.counter.workstation.certificates;

import cn.shebao.counter.reports.render.ReportPrinter;
import cn.shebao.counter.workstation.ui.ErrorDialog;
import cn.shebao.counter.workstation.ui.Keys;
import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.ui.UiTasks;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Window;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.filechooser.FileNameExtensionFilter;
import net.miginfocom.swing.MigLayout;
import net.sf.jasperreports.swing.JRViewer;

/**
 * A registered document on screen: its number and code, the rendered pages, and where it goes (a named
 * printer, never a silent default, or a PDF file). A failed print says why; the clerk may retry or reprint.
 */
final class IssuedDocumentDialog extends JDialog {

    private static final long serialVersionUID = 1L;

    private final transient UiTasks tasks = new UiTasks("issued-document-dialog");

    private final Texts texts;
    private final transient DocumentRegister.Issued issued;
    private final JLabel status = new JLabel(" ");

    private IssuedDocumentDialog(Window owner, Texts texts, DocumentRegister.Issued issued, List<String> printers) {
        super(owner, texts.text("document.dialog.title", texts.text("document." + issued.type().name())),
                ModalityType.APPLICATION_MODAL);
        this.texts = texts;
        this.issued = issued;
        setName("document.dialog");
        JPanel root = new JPanel(new BorderLayout(8, 8));
        JLabel registered = new JLabel(texts.text("document.registered", issued.stamp().number(), issued.stamp().verificationCode()));
        registered.setName("document.registered");
        root.add(registered, BorderLayout.NORTH);
        JRViewer viewer = new JRViewer(issued.print(), texts.locale());
        viewer.setName("document.viewer");
        root.add(viewer, BorderLayout.CENTER);

        JPanel actions = new JPanel(new MigLayout("insets 8, gap 8", "[][grow, fill][][][]"));
        actions.add(new JLabel(texts.text("document.printer")));
        JComboBox<String> printer = new JComboBox<>(printers.toArray(String[]::new));
        printer.setName("document.printerChoice");
        actions.add(printer);
        JButton print = new JButton(texts.text("document.print"));
        print.setName("document.print");
        print.setEnabled(!printers.isEmpty());
        print.addActionListener(e -> print((String) printer.getSelectedItem()));
        actions.add(print);
        JButton save = new JButton(texts.text("document.savePdf"));
        save.setName("document.savePdf");
        save.addActionListener(e -> savePdf());
        actions.add(save);
        JButton close = new JButton(texts.text("common.close"));
        close.setName("document.close");
        close.addActionListener(e -> dispose());
        actions.add(close);
        status.setName("document.status");
        actions.add(status, "newline, span");
        if (printers.isEmpty()) {
            status.setText(texts.text("document.noPrinter"));
        }
        root.add(actions, BorderLayout.SOUTH);
        setContentPane(root);
        Keys.closeOnEscape(this);
        setSize(new Dimension(900, 900));
        setLocationRelativeTo(owner);
    }

    /** Looks up the printers off the EDT on the caller's worker (the lookup can take seconds), then shows the dialog. */
    static void show(UiTasks tasks, Window owner, Texts texts, DocumentRegister.Issued issued) {
        tasks.run(ReportPrinter::printers, printers -> new IssuedDocumentDialog(owner, texts, issued, printers).setVisible(true),
                error -> {
                    ErrorDialog.show(owner, texts, error);
                    new IssuedDocumentDialog(owner, texts, issued, List.of()).setVisible(true);
                });
    }

    private void print(String printerName) {
        status.setText(texts.text("document.printing", printerName));
        tasks.run(() -> {
            new ReportPrinter().print(issued.print(), printerName, 1);
            return printerName;
        }, done -> status.setText(texts.text("document.printed", done)), error -> {
            status.setText(texts.describe(error));
            ErrorDialog.show(this, texts, error);
        });
    }

    private void savePdf() {
        JFileChooser chooser = new JFileChooser();
        chooser.setName("document.fileChooser");
        chooser.setFileFilter(new FileNameExtensionFilter("PDF", "pdf"));
        chooser.setSelectedFile(new File(issued.stamp().number() + ".pdf"));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path target = chooser.getSelectedFile().toPath();
        Path file = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf") ? target
                : target.resolveSibling(target.getFileName() + ".pdf");
        tasks.run(() -> Files.write(file, issued.pdf()), written -> status.setText(texts.text("document.saved", written)),
                error -> {
                    status.setText(texts.text("document.saveFailed", file));
                    ErrorDialog.show(this, texts, error);
                });
    }
}
