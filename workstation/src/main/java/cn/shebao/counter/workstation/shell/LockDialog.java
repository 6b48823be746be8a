package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.security.LoginOutcome;
import cn.shebao.counter.workstation.security.StaffAccounts;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.ui.UiTasks;
import com.formdev.flatlaf.FlatClientProperties;
import java.awt.Window;
import java.time.Clock;
import java.util.Arrays;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JSeparator;
import javax.swing.JTextField;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;

/**
 * The idle lock: only the same person's password reopens the session; a supervisor may end it instead
 * (the clerk left the window). It cannot be closed any other way.
 */
final class LockDialog extends JDialog {

    private static final long serialVersionUID = 1L;

    private final transient UiTasks tasks = new UiTasks("lock-dialog");

    enum Outcome { UNLOCKED, ENDED }

    private Outcome outcome;

    /** The lock needs the login only: the person's own password, or a supervisor's to end the session. */
    LockDialog(Window owner, Texts texts, StaffAuthenticator authenticator, StaffAccounts accounts, Clock clock, StaffSession session) {
        super(owner, texts.text("lock.title"), ModalityType.APPLICATION_MODAL);
        setName("lock.dialog");
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        LoginModel model = new LoginModel(texts, clock);
        JPanel panel = new JPanel(new MigLayout("wrap 2, insets 20", "[right][220!]"));
        JLabel title = new JLabel(texts.text("lock.message", session.displayName()));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
        panel.add(title, "span 2, left, gapbottom 8");
        JPasswordField password = new JPasswordField();
        password.setName("lock.password");
        panel.add(new JLabel(texts.text("login.password")));
        panel.add(password);
        JLabel message = new JLabel(" ");
        message.setName("lock.message");
        panel.add(message, "span 2, left");
        JButton unlock = new JButton(texts.text("lock.unlock"));
        unlock.setName("lock.unlock");
        panel.add(unlock, "span 2, right");
        unlock.addActionListener(e -> {
            char[] secret = password.getPassword();
            password.setText("");
            unlock.setEnabled(false);
            tasks.run(() -> authenticator.reauthenticate(session, secret), result -> {
                Arrays.fill(secret, '\0');
                unlock.setEnabled(true);
                if (result instanceof LoginOutcome.Success) {
                    finish(Outcome.UNLOCKED);
                } else {
                    message.setText(model.judge(result).message());
                    if (result instanceof LoginOutcome.Locked) {
                        finish(Outcome.ENDED); // locked out: the session cannot continue
                    }
                }
            }, error -> {
                Arrays.fill(secret, '\0');
                unlock.setEnabled(true);
                message.setText(texts.describe(error));
            });
        });
        getRootPane().setDefaultButton(unlock);

        panel.add(new JSeparator(), "span 2, growx, gaptop 12");
        panel.add(new JLabel(texts.text("lock.supervisorHint")), "span 2, left");
        JTextField supervisorName = new JTextField();
        supervisorName.setName("lock.supervisorUser");
        JPasswordField supervisorPassword = new JPasswordField();
        supervisorPassword.setName("lock.supervisorPassword");
        panel.add(new JLabel(texts.text("login.username")));
        panel.add(supervisorName);
        panel.add(new JLabel(texts.text("login.password")));
        panel.add(supervisorPassword);
        JButton end = new JButton(texts.text("lock.endSession"));
        end.setName("lock.endSession");
        panel.add(end, "span 2, right");
        end.addActionListener(e -> {
            String name = supervisorName.getText();
            char[] secret = supervisorPassword.getPassword();
            supervisorPassword.setText("");
            end.setEnabled(false);
            tasks.run(() -> {
                LoginOutcome result = authenticator.login(name, secret);
                if (result instanceof LoginOutcome.Success s) {
                    accounts.endLockedSession(s.session(), session); // refuses a non-supervisor
                }
                return result;
            }, result -> {
                Arrays.fill(secret, '\0');
                end.setEnabled(true);
                if (result instanceof LoginOutcome.Success) {
                    finish(Outcome.ENDED);
                } else {
                    message.setText(model.judge(result).message());
                }
            }, error -> {
                Arrays.fill(secret, '\0');
                end.setEnabled(true);
                message.setText(texts.describe(error));
            });
        });
        setContentPane(panel);
        pack();
        setLocationRelativeTo(owner);
    }

    private void finish(Outcome o) {
        outcome = o;
        dispose();
    }

    /** Blocks (modal) until unlocked or ended. */
    Outcome await() {
        setVisible(true);
        return outcome == null ? Outcome.ENDED : outcome;
    }
}
