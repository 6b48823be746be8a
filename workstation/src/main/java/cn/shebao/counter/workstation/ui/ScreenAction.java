package cn.shebao.counter.workstation.ui;

import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.function.BooleanSupplier;
import javax.swing.AbstractAction;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.KeyStroke;

/**
 * One thing a screen can do, in the manner of JOSM's actions: a single object holds its text, its key and its enabled
 * state, which it derives from the screen's model ({@link #update}), and the button and the key both invoke it. A
 * disabled action ignores its key as its button ignores clicks, so the keyboard cannot do what the screen forbids.
 */
public final class ScreenAction extends AbstractAction {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final transient BooleanSupplier enabledWhen;
    private final transient Runnable perform;
    private final KeyStroke key;

    /**
     * @param name the component name of its button (tests and the layout check find it by this)
     * @param key the key that invokes it while its screen is in the focused window, or null
     */
    public ScreenAction(String name, String text, KeyStroke key, BooleanSupplier enabledWhen, Runnable perform) {
        super(text);
        this.name = name;
        this.key = key;
        this.enabledWhen = enabledWhen;
        this.perform = perform;
        if (key != null) {
            putValue(ACCELERATOR_KEY, key);
            putValue(SHORT_DESCRIPTION, text + " (" + describe(key) + ")");
        }
        update();
    }

    /** Ctrl+Enter rather than the JDK's "ctrl pressed ENTER". */
    private static String describe(KeyStroke key) {
        String modifiers = InputEvent.getModifiersExText(key.getModifiers());
        String keyText = KeyEvent.getKeyText(key.getKeyCode());
        return modifiers.isEmpty() ? keyText : modifiers + "+" + keyText;
    }

    /** Re-reads the enabled state from the model; call after every change of it. */
    public void update() {
        setEnabled(enabledWhen.getAsBoolean());
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        update();
        if (isEnabled()) {
            perform.run();
        }
    }

    /** A button for this action, named for tests. */
    public JButton button() {
        JButton button = new JButton(this);
        button.setName(name);
        return button;
    }

    /** Makes its key work anywhere in the window while {@code screen} is showing in it. */
    public void bindKeyTo(JComponent screen) {
        if (key != null) {
            screen.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(key, name);
            screen.getActionMap().put(name, this);
        }
    }
}
