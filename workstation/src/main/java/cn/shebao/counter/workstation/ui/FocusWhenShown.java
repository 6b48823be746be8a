package cn.shebao.counter.workstation.ui;

import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import javax.swing.event.AncestorEvent;
import javax.swing.event.AncestorListener;

/**
 * Puts the keyboard focus into a field of a {@code JOptionPane} once its dialog is shown: the option pane itself
 * gives it to the OK button, so a clerk who starts typing types into nothing.
 */
public final class FocusWhenShown implements AncestorListener {

    @Override
    public void ancestorAdded(AncestorEvent event) {
        JComponent field = event.getComponent();
        SwingUtilities.invokeLater(field::requestFocusInWindow);
        field.removeAncestorListener(this);
    }

    @Override
    public void ancestorRemoved(AncestorEvent event) {
        // nothing to do: the listener removed itself once the field was shown
    }

    @Override
    public void ancestorMoved(AncestorEvent event) {
        // nothing to do: only the first showing matters
    }
}
