package cn.shebao.counter.workstation.ui;

import cn.shebao.counter.workstation.logging.PersonalDataRedaction;

import java.awt.Component;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.datatransfer.StringSelection;
import java.io.PrintWriter;
import java.io.StringWriter;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;

/** A short translated message and a "copy details" button for IT; the details are in the log as well. */
public final class ErrorDialog extends JDialog {

    private static final long serialVersionUID = 1L;

    private ErrorDialog(Window owner, Texts texts, Throwable error) {
        super(owner, texts.text("error.title"), ModalityType.APPLICATION_MODAL);
        setName("error.dialog");
        JPanel panel = new JPanel(new MigLayout("wrap 1, insets 16", "[420!]"));
        JLabel message = new JLabel(html(texts.describe(error)));
        message.setName("error.message");
        panel.add(message, "growx");
        JButton copy = new JButton(texts.text("error.copyDetails"));
        copy.setName("error.copy");
        copy.addActionListener(e -> Toolkit.getDefaultToolkit().getSystemClipboard()
                .setContents(new StringSelection(details(error)), null));
        JButton close = new JButton(texts.text("common.close"));
        close.setName("error.close");
        close.addActionListener(e -> dispose());
        panel.add(copy, "split 2, right");
        panel.add(close);
        setContentPane(panel);
        getRootPane().setDefaultButton(close);
        Keys.closeOnEscape(this);
        pack();
        setLocationRelativeTo(owner);
    }

    public static void show(Component parent, Texts texts, Throwable error) {
        Window owner = parent == null ? null : SwingUtilities.getWindowAncestor(parent);
        new ErrorDialog(owner, texts, error).setVisible(true);
    }

    /** The stack for IT, with personal data taken out: it is pasted into tickets and e-mails. */
    public static String details(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return PersonalDataRedaction.text(out.toString());
    }

    /** Wraps translated text so a label breaks long lines; the text is escaped, never interpreted. */
    public static String html(String text) {
        return "<html>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</html>";
    }
}
