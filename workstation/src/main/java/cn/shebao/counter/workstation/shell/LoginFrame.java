package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.app.Workstation;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.ui.ErrorDialog;
import cn.shebao.counter.workstation.ui.Keys;
import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.ui.UiTasks;
import com.formdev.flatlaf.FlatClientProperties;
import java.awt.Dimension;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import javax.swing.table.DefaultTableModel;
import net.miginfocom.swing.MigLayout;

/**
 * Staff login. Enter moves from name to password and then logs in; Escape leaves the application.
 * It appears while the replica is still opening (its progress line doubles as the splash), so the
 * clerk can type at once; a login submitted before the replica is ready runs as soon as it is.
 */
final class LoginFrame extends JFrame {

    private static final long serialVersionUID = 1L;

    private final transient UiTasks tasks = new UiTasks("login-frame");

    /** What the application does after this window. */
    interface Listener {
        default void attemptStarted() {
        }

        void loggedIn(StaffSession session, boolean mustChangePassword);

        void exitRequested();
    }

    private final transient Texts texts;
    private final transient List<DemoDataGenerator.DemoStaff> demoStaff;
    private transient Workstation workstation;
    private final transient LoginModel model;
    private final transient Listener listener;
    private final JTextField username = new JTextField(16);
    private final JPasswordField password = new JPasswordField(16);
    private final JLabel message = new JLabel(" ");
    private final JLabel startup = new JLabel(" ");
    private final JProgressBar progress = new JProgressBar();
    private final JButton submit;
    private boolean submitWhenReady;

    LoginFrame(Texts texts, List<DemoDataGenerator.DemoStaff> demoStaff, Clock clock, Listener listener) {
        super(texts.text("login.title"));
        this.texts = texts;
        this.demoStaff = demoStaff;
        this.listener = listener;
        this.model = new LoginModel(texts, clock);
        setName("login");
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                listener.exitRequested();
            }
        });

        JPanel form = new JPanel(new MigLayout("wrap 2, insets 24", "[right][grow, fill]", ""));
        JLabel title = new JLabel(texts.text("app.title"));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        form.add(title, "span 2, left, wrap");
        form.add(new JLabel(texts.text("login.subtitle")), "span 2, left, gapbottom 12");
        JLabel userLabel = new JLabel(texts.text("login.username"));
        userLabel.setDisplayedMnemonic(KeyEvent.VK_U);
        userLabel.setLabelFor(username);
        form.add(userLabel);
        username.setName("login.username");
        form.add(username);
        JLabel passLabel = new JLabel(texts.text("login.password"));
        passLabel.setDisplayedMnemonic(KeyEvent.VK_P);
        passLabel.setLabelFor(password);
        form.add(passLabel);
        password.setName("login.password");
        password.putClientProperty(FlatClientProperties.STYLE, "showRevealButton: false");
        form.add(password);
        message.setName("login.message");
        message.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
        message.setForeground(UIManager.getColor("Component.error.focusedBorderColor"));
        form.add(message, "span 2, left, growx");
        submit = new JButton(texts.text("login.submit"));
        submit.setName("login.submit");
        submit.addActionListener(e -> attempt());
        JButton exit = new JButton(texts.text("login.exit"));
        exit.setName("login.exit");
        exit.addActionListener(e -> listener.exitRequested());
        form.add(submit, "span 2, split 2, right");
        form.add(exit);
        username.addActionListener(e -> password.requestFocusInWindow()); // Enter moves on
        getRootPane().setDefaultButton(submit);
        Keys.bind(getRootPane(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "exit", listener::exitRequested);

        if (!demoStaff.isEmpty()) {
            form.add(demoAccounts(), "span 2, growx, gaptop 16");
        }
        progress.setName("login.progress");
        progress.setIndeterminate(true);
        startup.setName("login.startup");
        startup.setText(texts.text("startup.starting"));
        startup.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
        form.add(progress, "span 2, growx, gaptop 12");
        form.add(startup, "span 2, left");
        setContentPane(form);
        pack();
        setLocationRelativeTo(null);
    }

    /** Demo mode only: the demo staff and their passwords, marked so nobody mistakes them for real ones. */
    private JPanel demoAccounts() {
        JPanel panel = new JPanel(new MigLayout("wrap 1, insets 0", "[grow, fill]"));
        JLabel warning = new JLabel(texts.text("login.demo.warning"));
        warning.setName("login.demoWarning");
        warning.putClientProperty(FlatClientProperties.STYLE, "foreground: $Shebao.error; font: bold");
        panel.add(warning);
        DefaultTableModel rows = new DefaultTableModel(new Object[] {texts.text("login.demo.username"),
            texts.text("login.demo.name"), texts.text("login.demo.roles"), texts.text("login.demo.password")}, 0) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isCellEditable(int row, int column) {
                return false;
            }
        };
        for (DemoDataGenerator.DemoStaff s : demoStaff) {
            rows.addRow(new Object[] {s.username(), s.displayName(),
                rolesText(texts, s.roles()), s.demoPassword()});
        }
        JTable table = new JTable(rows);
        table.setName("login.demoAccounts");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFocusable(false);
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int row = table.getSelectedRow();
                if (row >= 0) {
                    username.setText((String) rows.getValueAt(row, 0));
                    password.setText((String) rows.getValueAt(row, 3));
                    submit.requestFocusInWindow();
                }
            }
        });
        int[] widths = {90, 90, 130, 130};
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        JScrollPane scroll = new JScrollPane(table);
        scroll.setPreferredSize(new Dimension(460, table.getRowHeight() * (rows.getRowCount() + 1) + 8));
        panel.add(scroll);
        return panel;
    }

    /** Start-up progress while the replica opens (or demo data is generated). */
    void progress(Workstation.Progress p) {
        if (p.loadingTable() != null) {
            progress.setIndeterminate(false);
            progress.setMaximum(Math.max(1, p.total()));
            progress.setValue(p.done());
            startup.setText(texts.text("startup.loading", texts.textOr("table." + p.loadingTable(), p.loadingTable()), p.done(), p.total()));
        } else if (p.total() > 0) {
            progress.setIndeterminate(false);
            progress.setMaximum(p.total());
            progress.setValue(p.done());
            startup.setText(texts.text("startup.generating", p.done(), p.total()));
        } else {
            startup.setText(texts.text("startup.step." + p.step().name()));
        }
    }

    /** The replica is open: logins can be checked now (and one already submitted runs). */
    void ready(Workstation opened) {
        this.workstation = opened;
        progress.setVisible(false);
        startup.setText(" ");
        if (submitWhenReady) {
            submitWhenReady = false;
            attempt();
        }
    }

    private void attempt() {
        String name = username.getText();
        char[] secret = password.getPassword();
        var problem = model.validate(name, secret);
        if (problem.isPresent()) {
            message.setText(problem.get());
            return;
        }
        if (workstation == null) {
            Arrays.fill(secret, '\0');
            submitWhenReady = true;
            message.setText(texts.text("login.waitingForDatabase"));
            return;
        }
        setBusy(true);
        listener.attemptStarted();
        tasks.run(() -> workstation.authenticator().login(name, secret), outcome -> {
            Arrays.fill(secret, '\0');
            password.setText("");
            setBusy(false);
            LoginModel.Verdict verdict = model.judge(outcome);
            message.setText(verdict.message().isEmpty() ? " " : verdict.message());
            if (verdict.next() != LoginModel.Next.STAY) {
                listener.loggedIn(verdict.session(), verdict.next() == LoginModel.Next.CHANGE_PASSWORD);
            } else {
                password.requestFocusInWindow();
            }
        }, error -> {
            Arrays.fill(secret, '\0');
            setBusy(false);
            message.setText(texts.describe(error));
            ErrorDialog.show(this, texts, error);
        });
    }

    /** Fills the form and submits it, for the start-up probe that measures login time in demo mode. */
    void submitFor(String name, char[] secret) {
        username.setText(name);
        password.setText(new String(secret));
        Arrays.fill(secret, '\0');
        attempt();
    }

    private void setBusy(boolean busy) {
        submit.setEnabled(!busy);
        username.setEnabled(!busy);
        password.setEnabled(!busy);
        if (busy) {
            message.setText(texts.text("login.checking"));
        }
    }

    static String rolesText(Texts texts, Set<StaffRole> roles) {
        return roles.stream().sorted().map(r -> texts.text("role." + r.name())).collect(Collectors.joining(texts.text("list.separator")));
    }
}
