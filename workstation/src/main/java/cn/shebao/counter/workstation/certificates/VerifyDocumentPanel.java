package cn.shebao.counter.workstation.certificates;

import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.ui.Formats;
import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.ui.UiTasks;
import java.time.ZoneId;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import net.miginfocom.swing.MigLayout;

/** F6: checks a document someone presents, by the number and verification code printed on it. */
public final class VerifyDocumentPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final transient UiTasks tasks = new UiTasks("verify-document-panel");

    public VerifyDocumentPanel(Texts texts, StaffSession staff, DocumentRegister register, ZoneId zone) {
        super(new MigLayout("wrap 2, insets 16, gap 10 8", "[right][300!]"));
        setName("feature.CERTIFICATES");
        JLabel title = new JLabel(texts.text("verify.title"));
        title.putClientProperty("FlatLaf.styleClass", "h3");
        add(title, "span 2, left");
        add(new JLabel(texts.text("verify.number")));
        JTextField number = new JTextField();
        number.setName("verify.number");
        add(number);
        add(new JLabel(texts.text("verify.code")));
        JTextField code = new JTextField();
        code.setName("verify.code");
        add(code);
        JButton check = new JButton(texts.text("verify.check"));
        check.setName("verify.check");
        add(check, "skip 1, left");
        JLabel result = new JLabel(" ");
        result.setName("verify.result");
        add(result, "span 2, left, width 600!");
        Runnable run = () -> {
            String n = number.getText();
            String c = code.getText();
            result.setText(texts.text("verify.checking"));
            tasks.run(() -> register.verify(staff, n, c), v -> result.setText(switch (v.outcome()) {
                case VALID -> texts.text(v.reprintOfNumber() == null ? "verify.valid" : "verify.validReprint",
                        texts.text("document." + v.type().name()), v.name(), v.maskedIdNumber(), Formats.time(v.issuedAt(), zone),
                        v.workstationCode(), v.reprintOfNumber() == null ? "" : v.reprintOfNumber());
                case UNKNOWN_NUMBER -> texts.text("verify.unknown");
                case WRONG_CODE -> texts.text("verify.wrongCode");
            }), error -> result.setText(texts.describe(error)));
        };
        check.addActionListener(e -> run.run());
        code.addActionListener(e -> run.run());
        number.addActionListener(e -> code.requestFocusInWindow());
    }
}
