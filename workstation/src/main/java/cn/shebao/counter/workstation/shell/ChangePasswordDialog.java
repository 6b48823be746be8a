package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.ui.Keys;
import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.staff.PasswordChanges;
import cn.shebao.counter.workstation.ui.UiTasks;
import java.awt.Window;
import java.util.Arrays;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import net.miginfocom.swing.MigLayout;

/** Forced (initial or expired password) or voluntary password change. */
final class ChangePasswordDialog extends JDialog {

    private static final long serialVersionUID = 1L;

    private final transient UiTasks tasks = new UiTasks("change-password-dialog");

    private final JPasswordField current = new JPasswordField(16);
    private final JPasswordField fresh = new JPasswordField(16);
    private final JPasswordField repeat = new JPasswordField(16);
    private final JLabel message = new JLabel(" ");
    private boolean changed;

    ChangePasswordDialog(Window owner, Texts texts, PasswordChanges passwords, StaffSession session, String reason) {
        super(owner, texts.text("password.title"), ModalityType.APPLICATION_MODAL);
        setName("password.dialog");
        JPanel panel = new JPanel(new MigLayout("wrap 2, insets 20", "[right][grow, fill]"));
        panel.add(new JLabel(reason), "span 2, left, gapbottom 8");
        current.setName("password.current");
        fresh.setName("password.new");
        repeat.setName("password.repeat");
        panel.add(new JLabel(texts.text("password.current")));
        panel.add(current);
        panel.add(new JLabel(texts.text("password.new")));
        panel.add(fresh);
        panel.add(new JLabel(texts.text("password.repeat")));
        panel.add(repeat);
        message.setName("password.message");
        panel.add(message, "span 2, left");
        JButton ok = new JButton(texts.text("password.submit"));
        ok.setName("password.submit");
        JButton cancel = new JButton(texts.text("common.cancel"));
        cancel.setName("password.cancel");
        cancel.addActionListener(e -> dispose());
        panel.add(ok, "span 2, split 2, right");
        panel.add(cancel);
        current.addActionListener(e -> fresh.requestFocusInWindow());
        fresh.addActionListener(e -> repeat.requestFocusInWindow());
        ok.addActionListener(e -> {
            char[] old = current.getPassword();
            char[] next = fresh.getPassword();
            char[] again = repeat.getPassword();
            if (!Arrays.equals(next, again)) {
                message.setText(texts.text("password.mismatch"));
                wipe(old, next, again);
                return;
            }
            ok.setEnabled(false);
            tasks.run(() -> {
                passwords.change(session, old, next);
                return Boolean.TRUE;
            }, done -> {
                wipe(old, next, again);
                changed = true;
                dispose();
            }, error -> {
                wipe(old, next, again);
                ok.setEnabled(true);
                message.setText(texts.describe(error));
            });
        });
        getRootPane().setDefaultButton(ok);
        Keys.closeOnEscape(this);
        setContentPane(panel);
        pack();
        setLocationRelativeTo(owner);
    }

    /** Shows the dialog and tells whether the password was changed. */
    boolean ask() {
        setVisible(true);
        return changed;
    }

    private static void wipe(char[]... secrets) {
        for (char[] s : secrets) {
            Arrays.fill(s, '\0');
        }
    }
}
