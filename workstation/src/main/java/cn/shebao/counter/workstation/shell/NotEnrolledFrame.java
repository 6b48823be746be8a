package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.ui.ErrorDialog;
import cn.shebao.counter.workstation.ui.Texts;
import com.formdev.flatlaf.FlatClientProperties;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;

/** First start without enrolment: say so, and where the data would live; never invent a local database. */
final class NotEnrolledFrame extends JFrame {

    private static final long serialVersionUID = 1L;

    NotEnrolledFrame(Texts texts, String dataDirectory, Runnable exit) {
        super(texts.text("app.title"));
        setName("notEnrolled");
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosing(java.awt.event.WindowEvent e) {
                exit.run();
            }
        });
        JPanel panel = new JPanel(new MigLayout("wrap 1, insets 32", "[520!]"));
        JLabel title = new JLabel(texts.text("notEnrolled.title"));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        panel.add(title);
        JLabel body = new JLabel(ErrorDialog.html(texts.text("notEnrolled.body", dataDirectory)));
        body.setName("notEnrolled.body");
        panel.add(body, "growx, gaptop 12");
        JButton close = new JButton(texts.text("common.close"));
        close.setName("notEnrolled.close");
        close.addActionListener(e -> exit.run());
        panel.add(close, "right, gaptop 16");
        getRootPane().setDefaultButton(close);
        setContentPane(panel);
        pack();
        setLocationRelativeTo(null);
    }
}
