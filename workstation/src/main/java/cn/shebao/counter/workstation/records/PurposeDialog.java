package cn.shebao.counter.workstation.records;

import cn.shebao.counter.workstation.citizen.AccessPurpose;
import cn.shebao.counter.workstation.ui.Keys;
import cn.shebao.counter.workstation.ui.Texts;
import java.awt.Window;
import java.util.Optional;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.KeyStroke;
import net.miginfocom.swing.MigLayout;

/** Asks why a record is opened, when no card was just read. Keys 1-3 choose, Enter confirms, Escape cancels. */
final class PurposeDialog extends JDialog {

    private static final long serialVersionUID = 1L;

    private AccessPurpose chosen;

    private PurposeDialog(Window owner, Texts texts) {
        super(owner, texts.text("purpose.title"), ModalityType.APPLICATION_MODAL);
        setName("purpose.dialog");
        JPanel panel = new JPanel(new MigLayout("wrap 1, insets 16, gap 8", "[grow, fill]"));
        panel.add(new JLabel(texts.text("purpose.question")));
        ButtonGroup group = new ButtonGroup();
        AccessPurpose[] purposes = AccessPurpose.chosenByClerk();
        JRadioButton[] radios = new JRadioButton[purposes.length];
        for (int i = 0; i < purposes.length; i++) {
            AccessPurpose purpose = purposes[i];
            JRadioButton radio = new JRadioButton((i + 1) + "  " + texts.text("purpose." + purpose.name()));
            radio.setName("purpose." + purpose.name());
            radio.setSelected(i == 0);
            group.add(radio);
            panel.add(radio);
            radios[i] = radio;
            Keys.bind(getRootPane(), KeyStroke.getKeyStroke(Character.forDigit(i + 1, 10)), "purpose." + i,
                    () -> radio.setSelected(true));
        }
        JButton ok = new JButton(texts.text("purpose.ok"));
        ok.setName("purpose.ok");
        ok.addActionListener(e -> {
            for (int i = 0; i < radios.length; i++) {
                if (radios[i].isSelected()) {
                    chosen = purposes[i];
                }
            }
            dispose();
        });
        JButton cancel = new JButton(texts.text("common.cancel"));
        cancel.setName("purpose.cancel");
        cancel.addActionListener(e -> dispose());
        panel.add(ok, "split 2, tag ok");
        panel.add(cancel, "tag cancel");
        setContentPane(panel);
        getRootPane().setDefaultButton(ok);
        Keys.closeOnEscape(this);
        pack();
        setLocationRelativeTo(owner);
    }

    static Optional<AccessPurpose> ask(Window owner, Texts texts) {
        PurposeDialog dialog = new PurposeDialog(owner, texts);
        dialog.setVisible(true);
        return Optional.ofNullable(dialog.chosen);
    }
}
