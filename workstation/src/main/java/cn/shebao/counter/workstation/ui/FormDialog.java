package cn.shebao.counter.workstation.ui;

import java.awt.Component;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JOptionPane;

/**
 * An OK/Cancel question around a small form (a reason, a password) whose first field has the keyboard when it opens:
 * what the clerk types lands there, Enter answers OK (the option pane's default button), Escape cancels. A plain
 * {@code JOptionPane} gives the focus to its OK button when its window opens, after anything requested earlier (an
 * earlier fix that asked for the focus when the field was added lost that race: the F5 password dialog took no
 * typing and Enter answered "wrong password"), so the pane here chooses the field itself at that moment.
 *
 * <p>Threads: the Event Dispatch Thread (the dialog is modal).
 */
public final class FormDialog {

    private FormDialog() {
    }

    /** True when the clerk answered OK. */
    public static boolean confirm(Component parent, JComponent form, String title, JComponent firstField, int messageType) {
        JOptionPane pane = new JOptionPane(form, messageType, JOptionPane.OK_CANCEL_OPTION) {
            private static final long serialVersionUID = 1L;

            @Override
            public void selectInitialValue() {
                // Called when the dialog's window opens. The look and feel makes OK the default button here (so Enter
                // answers OK) and focuses it; the field's request, made after, is the one that stands.
                super.selectInitialValue();
                firstField.requestFocusInWindow();
            }
        };
        JDialog dialog = pane.createDialog(parent, title);
        try {
            dialog.setVisible(true);
        } finally {
            dialog.dispose();
        }
        return pane.getValue() instanceof Integer answer && answer == JOptionPane.OK_OPTION;
    }
}
