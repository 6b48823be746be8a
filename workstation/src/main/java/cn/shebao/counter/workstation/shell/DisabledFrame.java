package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.ui.ErrorDialog;
import cn.shebao.counter.workstation.ui.Texts;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;

/**
 * What a workstation IT revoked at central shows instead of everything else (a stolen PC): that it was disabled and
 * whom to call, and only the way out. No login, no records: re-enrolment with a new code is the way back.
 */
final class DisabledFrame extends JFrame {

    private static final long serialVersionUID = 1L;

    DisabledFrame(Texts texts, Runnable exit) {
        super(texts.text("disabled.title"));
        setName("disabled");
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                exit.run();
            }
        });
        getContentPane().setLayout(new MigLayout("wrap 1, insets 24, gap 12", "[420lp, fill]"));
        JLabel message = new JLabel(ErrorDialog.html(texts.text("disabled.message")));
        message.setName("disabled.message");
        add(message);
        JButton quit = new JButton(texts.text("disabled.exit"));
        quit.setName("disabled.exit");
        quit.addActionListener(e -> exit.run());
        add(quit, "right, growx 0");
        getRootPane().setDefaultButton(quit);
        pack();
        setLocationRelativeTo(null);
    }
}
