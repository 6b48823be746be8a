package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.app.Enroller;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.sync.InitialLoad;
import cn.shebao.counter.workstation.ui.ErrorDialog;
import cn.shebao.counter.workstation.ui.Texts;
import com.formdev.flatlaf.FlatClientProperties;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.JTextField;
import javax.swing.SwingWorker;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;

/**
 * First start without enrolment: say so, where the data will live, and let IT enrol the workstation here (the central
 * service's address, the centre's CA certificate file, the one-time enrolment code, the workstation code); the initial load shows its progress and resumes if cut.
 * Never invents a local database.
 */
final class NotEnrolledFrame extends JFrame {

    private static final long serialVersionUID = 1L;

    NotEnrolledFrame(Texts texts, DataDirectory dataDirectory, Runnable enrolled, Runnable exit) {
        super(texts.text("app.title"));
        setName("notEnrolled");
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                exit.run();
            }
        });
        JPanel panel = new JPanel(new MigLayout("wrap 1, insets 32", "[520!]"));
        JLabel title = new JLabel(texts.text("notEnrolled.title"));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        panel.add(title);
        JLabel body = new JLabel(ErrorDialog.html(texts.text("notEnrolled.body", dataDirectory.root().toString())));
        body.setName("notEnrolled.body");
        panel.add(body, "growx, gaptop 12");

        JPanel form = new JPanel(new MigLayout("wrap 2, insets 0, gap 8", "[right][grow, fill]"));
        JTextField url = field(form, texts, "enrol.url", new JTextField());
        url.setToolTipText(texts.text("enrol.error.url"));
        JTextField caFile = field(form, texts, "enrol.caFile", new JTextField());
        JPasswordField password = (JPasswordField) field(form, texts, "enrol.enrolmentCode", new JPasswordField());
        JTextField code = field(form, texts, "enrol.code", new JTextField());
        panel.add(form, "growx, gaptop 12");
        JProgressBar progress = new JProgressBar();
        progress.setName("enrol.progress");
        progress.setStringPainted(true);
        progress.setVisible(false);
        panel.add(progress, "growx");
        JLabel message = new JLabel(" ");
        message.setName("enrol.message");
        panel.add(message, "growx");
        JButton enrol = new JButton(texts.text("enrol.submit"));
        enrol.setName("enrol.submit");
        JButton close = new JButton(texts.text("common.close"));
        close.setName("notEnrolled.close");
        close.addActionListener(e -> exit.run());
        panel.add(enrol, "split 2, right, gaptop 16");
        panel.add(close);
        enrol.addActionListener(e -> {
            char[] secret = password.getPassword();
            password.setText("");
            enrol.setEnabled(false);
            progress.setVisible(true);
            message.setText(texts.text("enrol.working"));
            pack();
            String u = url.getText();
            Path ca = Path.of(caFile.getText().strip());
            String ws = code.getText();
            new SwingWorker<Long, InitialLoad.Progress>() {
                @Override
                protected Long doInBackground() throws Exception {
                    try {
                        return new Enroller(dataDirectory).enrol(u, ca, new String(secret), ws, this::publish);
                    } finally {
                        Arrays.fill(secret, '\0');
                    }
                }

                @Override
                protected void process(List<InitialLoad.Progress> chunks) {
                    InitialLoad.Progress p = chunks.get(chunks.size() - 1);
                    progress.setMaximum((int) Math.max(1, Math.min(Integer.MAX_VALUE, p.total())));
                    progress.setValue((int) Math.min(Integer.MAX_VALUE, p.copied()));
                    progress.setString(texts.text("enrol.progressText", texts.textOr("table." + p.table(), p.table()), p.copied(), p.total()));
                }

                @Override
                protected void done() {
                    try {
                        get();
                        dispose();
                        enrolled.run();
                    } catch (ExecutionException failed) {
                        message.setText(texts.describe(failed.getCause()));
                        message.setToolTipText(failed.getCause().toString()); // the technical detail, for IT
                        enrol.setEnabled(true);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }.execute();
        });
        getRootPane().setDefaultButton(enrol);
        setContentPane(panel);
        pack();
        setLocationRelativeTo(null);
    }

    private static JTextField field(JPanel form, Texts texts, String name, JTextField f) {
        form.add(new JLabel(texts.text(name)));
        f.setName(name);
        form.add(f);
        return f;
    }
}
