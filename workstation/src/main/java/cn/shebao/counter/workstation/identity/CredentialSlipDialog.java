package cn.shebao.counter.workstation.identity;

import cn.shebao.counter.reports.render.ReportPrinter;
import cn.shebao.counter.reports.render.ReportRenderer;
import cn.shebao.counter.workstation.ui.ErrorDialog;
import cn.shebao.counter.workstation.ui.Keys;
import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.ui.UiTasks;
import java.awt.BorderLayout;
import java.awt.Window;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;
import net.sf.jasperreports.swing.JRViewer;

/**
 * Puts the credential slip on paper. The screen shows only the masked rendering; the real one goes to the
 * chosen printer. Saving as PDF exists only where no printer can be used (demo mode), with a warning, because
 * a file keeps the password. When printing fails the clerk resets the password after a new confirmation.
 */
final class CredentialSlipDialog extends JDialog {

    private static final long serialVersionUID = 1L;

    private final transient UiTasks tasks = new UiTasks("credential-slip-dialog");

    private final Texts texts;
    private final transient CredentialSlips.Rendered slip;
    private final JLabel status = new JLabel(" ");

    private CredentialSlipDialog(Window owner, Texts texts, IssuedCredential credential, CredentialSlips.Rendered slip,
            List<String> printers, boolean pdfAllowed) {
        super(owner, texts.text("slip.dialog.title", credential.username()), ModalityType.APPLICATION_MODAL);
        this.texts = texts;
        this.slip = slip;
        setName("slip.dialog");
        JPanel root = new JPanel(new BorderLayout(8, 8));
        JLabel head = new JLabel(texts.text("slip.dialog.head", credential.username()));
        head.setName("slip.head");
        root.add(head, BorderLayout.NORTH);
        root.add(new JRViewer(slip.preview(), texts.locale()), BorderLayout.CENTER);
        JPanel actions = new JPanel(new MigLayout("insets 8, gap 8", "[][grow, fill][][][]"));
        actions.add(new JLabel(texts.text("document.printer")));
        JComboBox<String> printer = new JComboBox<>(printers.toArray(String[]::new));
        printer.setName("slip.printerChoice");
        actions.add(printer);
        JButton print = new JButton(texts.text("document.print"));
        print.setName("slip.print");
        print.setEnabled(!printers.isEmpty());
        print.addActionListener(e -> print((String) printer.getSelectedItem()));
        actions.add(print);
        JButton save = new JButton(texts.text("slip.savePdf"));
        save.setName("slip.savePdf");
        save.setVisible(pdfAllowed);
        save.addActionListener(e -> savePdf(credential.username()));
        actions.add(save);
        JButton close = new JButton(texts.text("common.close"));
        close.setName("slip.close");
        close.addActionListener(e -> dispose());
        actions.add(close);
        status.setName("slip.status");
        actions.add(status, "newline, span");
        if (printers.isEmpty()) {
            status.setText(texts.text(pdfAllowed ? "slip.noPrinterDemo" : "slip.noPrinter"));
        }
        root.add(actions, BorderLayout.SOUTH);
        setContentPane(root);
        Keys.closeOnEscape(this);
        setSize(820, 700);
        setLocationRelativeTo(owner);
    }

    static void show(UiTasks tasks, Window owner, Texts texts, IssuedCredential credential, CredentialSlips.Rendered slip,
            boolean pdfAllowed) {
        tasks.run(ReportPrinter::printers,
                printers -> new CredentialSlipDialog(owner, texts, credential, slip, printers, pdfAllowed).setVisible(true),
                error -> {
                    ErrorDialog.show(owner, texts, error);
                    new CredentialSlipDialog(owner, texts, credential, slip, List.of(), pdfAllowed).setVisible(true);
                });
    }

    private void print(String printerName) {
        status.setText(texts.text("document.printing", printerName));
        tasks.run(() -> {
            new ReportPrinter().print(slip.print(), printerName, 1);
            return printerName;
        }, done -> status.setText(texts.text("document.printed", done)), error -> {
            status.setText(texts.text("slip.printFailed"));
            ErrorDialog.show(this, texts, error);
        });
    }

    private void savePdf(String username) {
        JFileChooser chooser = new JFileChooser();
        chooser.setSelectedFile(new File(username + ".pdf"));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path target = chooser.getSelectedFile().toPath();
        Path file = target.getFileName().toString().endsWith(".pdf") ? target : target.resolveSibling(target.getFileName() + ".pdf");
        tasks.run(() -> Files.write(file, new ReportRenderer().pdf(slip.print())),
                written -> status.setText(texts.text("document.saved", written)), error -> {
                    status.setText(texts.text("document.saveFailed", file));
                    ErrorDialog.show(this, texts, error);
                });
    }
}
