package cn.shebao.counter.workstation.ui;

import javax.swing.JButton;

/** A button with its text from the bundle and its bundle key as its name (what GUI tests and screen readers find). */
public final class Buttons {

    private Buttons() {
    }

    public static JButton named(Texts texts, String key, Runnable action) {
        JButton b = new JButton(texts.text(key));
        b.setName(key);
        b.addActionListener(e -> action.run());
        return b;
    }
}
