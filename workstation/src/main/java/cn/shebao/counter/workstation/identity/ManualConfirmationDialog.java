package cn.shebao.counter.workstation.identity;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.ui.HtmlText;
import cn.shebao.counter.workstation.ui.Keys;
import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.ui.UiTasks;
import java.awt.Color;
import java.awt.Window;
import java.util.Arrays;
import java.util.Optional;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/**
 * The manual path: the ID number typed from the card, the copy taken, and a supervisor's co-signature. The dialog
 * stays open while the confirmation runs: a refusal (a wrong co-signer password, a number of someone else) is said in
 * the dialog beside what it concerns, keeping what was typed but the password, instead of an error dialog that threw
 * the whole entry away.
 */
final class ManualConfirmationDialog extends JDialog {

    private static final long serialVersionUID = 1L;

    /** What the clerk entered; the password is wiped once the confirmation has run. */
    record Entry(String idNumber, boolean copyTaken, String supervisor, char[] supervisorPassword) {
    }

    /** Runs the confirmation for an entry (off the EDT); a refusal is thrown, translated. */
    interface Confirmer<R> {
        R confirm(Entry entry) throws Exception;
    }

    private final transient UiTasks tasks = new UiTasks("manual-confirmation");
    private final transient UiTasks.Lane confirming = tasks.lane();
    private final JTextField id = new JTextField();
    private final JCheckBox copy = new JCheckBox();
    private final JTextField supervisor = new JTextField();
    private final JPasswordField password = new JPasswordField();
    private final JLabel error = new JLabel(" ");
    private final JButton ok = new JButton();
    private final Color normal = error.getForeground();
    private transient Object result;

    private <R> ManualConfirmationDialog(Window owner, Texts texts, Confirmer<R> confirmer) {
        super(owner, texts.text("manual.title"), ModalityType.APPLICATION_MODAL);
        setName("manual.dialog");
        JPanel p = new JPanel(new MigLayout("wrap 2, insets 16, gap 10 8", "[right][grow, fill, 320::]"));
        JLabel note = new JLabel(HtmlText.wrapped(texts.text("manual.note"), 440));
        p.add(note, "span 2, left, wrap 12");
        p.add(new JLabel(texts.text("manual.idNumber")));
        id.setName("manual.idNumber");
        id.setColumns(20);
        p.add(id);
        copy.setText(texts.text("manual.copyTaken"));
        copy.setName("manual.copyTaken");
        p.add(copy, "skip 1");
        p.add(new JLabel(texts.text("manual.supervisor")));
        supervisor.setName("manual.supervisor");
        p.add(supervisor);
        p.add(new JLabel(texts.text("manual.supervisorPassword")));
        password.setName("manual.supervisorPassword");
        p.add(password);
        error.setName("manual.error");
        p.add(error, "skip 1, growx, wmin 0");
        ok.setText(texts.text("manual.confirm"));
        ok.setName("manual.confirm");
        ok.addActionListener(e -> submit(texts, confirmer));
        JButton cancel = new JButton(texts.text("common.cancel"));
        cancel.setName("manual.cancel");
        cancel.addActionListener(e -> dispose());
        p.add(ok, "skip 1, split 2, growx 0");
        p.add(cancel, "growx 0");
        setContentPane(p);
        getRootPane().setDefaultButton(ok); // Enter confirms from any field
        Keys.closeOnEscape(this);
        pack();
        setMinimumSize(getSize());
        setLocationRelativeTo(owner);
        SwingUtilities.invokeLater(id::requestFocusInWindow); // the first field, where the clerk starts typing
    }

    private <R> void submit(Texts texts, Confirmer<R> confirmer) {
        Entry entry = new Entry(id.getText(), copy.isSelected(), supervisor.getText(), password.getPassword());
        password.setText("");
        ok.setEnabled(false);
        error.setForeground(normal);
        error.setText(texts.text("manual.working"));
        confirming.run(() -> {
            try {
                return confirmer.confirm(entry);
            } finally {
                Arrays.fill(entry.supervisorPassword(), '\0');
            }
        }, done -> {
            result = done;
            dispose();
        }, failure -> {
            ok.setEnabled(true);
            error.setForeground(UIManager.getColor("Shebao.error"));
            error.setText(texts.describe(failure));
            fieldConcerned(failure).requestFocusInWindow();
        });
    }

    /** A co-signer refusal sends the clerk back to the supervisor's fields, anything else to the number. */
    private JComponent fieldConcerned(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LocalizedException le) {
                String key = le.key();
                if (key.startsWith("identity.error.coSigner")) {
                    return key.equals("identity.error.coSignerWrong") ? password : supervisor;
                }
                if (key.equals("identity.error.copyRequired")) {
                    return copy;
                }
            }
        }
        return id;
    }

    /** Shows the dialog until the confirmation succeeds (its answer) or the clerk cancels (empty). */
    @SuppressWarnings("unchecked")
    static <R> Optional<R> ask(Window owner, Texts texts, Confirmer<R> confirmer) {
        ManualConfirmationDialog d = new ManualConfirmationDialog(owner, texts, confirmer);
        d.setVisible(true);
        return Optional.ofNullable((R) d.result);
    }
}
