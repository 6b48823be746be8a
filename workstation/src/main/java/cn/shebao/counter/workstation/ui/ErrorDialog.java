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
import java.awt.Frame;
import java.awt.KeyboardFocusManager;

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
        JLabel copied = new JLabel(" ");
        copied.setName("error.copied");
        copy.addActionListener(e -> {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(details(error)), null);
            // Said, so the clerk knows there is something to paste into the ticket.
            copied.setText(texts.text("error.copied"));
        });
        JButton close = new JButton(texts.text("common.close"));
        close.setName("error.close");
        close.addActionListener(e -> dispose());
        panel.add(copied, "split 3, growx");
        panel.add(copy, "right");
        panel.add(close);
        setContentPane(panel);
        getRootPane().setDefaultButton(close);
        Keys.closeOnEscape(this);
        pack();
        setLocationRelativeTo(owner);
    }

    public static void show(Component parent, Texts texts, Throwable error) {
        Window owner = parent == null ? activeWindow() : SwingUtilities.getWindowAncestor(parent);
        new ErrorDialog(owner, texts, error).setVisible(true);
    }

    /**
     * Without a parent (an uncaught exception), the window the clerk is in: an ownerless dialog can end up behind it,
     * where nobody sees it and nothing else can be clicked.
     */
    private static Window activeWindow() {
        Window active = KeyboardFocusManager.getCurrentKeyboardFocusManager().getActiveWindow();
        if (active != null) {
            return active;
        }
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w instanceof Frame) {
                return w;
            }
        }
        return null;
    }

    /** The stack for IT, with personal data taken out: it is pasted into tickets and e-mails. */
    public static String details(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return PersonalDataRedaction.text(out.toString());
    }

    /** Wraps translated text so a label breaks long lines; the text is escaped, never interpreted. */
    public static String html(String text) {
        return HtmlText.of(text);
    }
}
