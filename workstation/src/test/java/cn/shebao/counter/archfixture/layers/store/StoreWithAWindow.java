package cn.shebao.counter.archfixture.layers.store;

import javax.swing.JOptionPane;

/** Breaks the no-Swing rule on purpose: {@code LayerRulesTest} proves it is caught. */
public final class StoreWithAWindow {

    public void warn(String message) {
        JOptionPane.showMessageDialog(null, message);
    }
}
