package cn.shebao.counter.workstation.identity;

import cn.shebao.counter.workstation.ui.Keys;
import cn.shebao.counter.workstation.ui.Texts;
import java.awt.Window;
import java.util.Arrays;
import java.util.Optional;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import net.miginfocom.swing.MigLayout;

/** The manual path: the ID number typed from the card, the copy taken, and a supervisor's co-signature. */
final class ManualConfirmationDialog extends JDialog {

    private static final long serialVersionUID = 1L;

    /** What the clerk entered; the caller wipes the password after use. */
    record Entry(String idNumber, boolean copyTaken, String supervisor, char[] supervisorPassword) {
    }

    private Entry entry;

    private ManualConfirmationDialog(Window owner, Texts texts) {
        super(owner, texts.text("manual.title"), ModalityType.APPLICATION_MODAL);
        setName("manual.dialog");
        JPanel p = new JPanel(new MigLayout("wrap 2, insets 16, gap 8", "[right][260!]"));
        JLabel note = new JLabel(texts.text("manual.note"));
        p.add(note, "span 2, left, width 420!");
        p.add(new JLabel(texts.text("manual.idNumber")));
        JTextField id = new JTextField();
        id.setName("manual.idNumber");
        p.add(id);
        JCheckBox copy = new JCheckBox(texts.text("manual.copyTaken"));
        copy.setName("manual.copyTaken");
        p.add(copy, "skip 1");
        p.add(new JLabel(texts.text("manual.supervisor")));
        JTextField supervisor = new JTextField();
        supervisor.setName("manual.supervisor");
        p.add(supervisor);
        p.add(new JLabel(texts.text("manual.supervisorPassword")));
        JPasswordField password = new JPasswordField();
        password.setName("manual.supervisorPassword");
        p.add(password);
        JButton ok = new JButton(texts.text("manual.confirm"));
        ok.setName("manual.confirm");
        ok.addActionListener(e -> {
            entry = new Entry(id.getText(), copy.isSelected(), supervisor.getText(), password.getPassword());
            password.setText("");
            dispose();
        });
        JButton cancel = new JButton(texts.text("common.cancel"));
        cancel.addActionListener(e -> dispose());
        p.add(ok, "skip 1, split 2");
        p.add(cancel);
        setContentPane(p);
        getRootPane().setDefaultButton(ok);
        Keys.closeOnEscape(this);
        pack();
        setLocationRelativeTo(owner);
    }

    static Optional<Entry> ask(Window owner, Texts texts) {
        ManualConfirmationDialog d = new ManualConfirmationDialog(owner, texts);
        d.setVisible(true);
        return Optional.ofNullable(d.entry);
    }

    static void wipe(Entry e) {
        Arrays.fill(e.supervisorPassword(), '\0');
    }
}
