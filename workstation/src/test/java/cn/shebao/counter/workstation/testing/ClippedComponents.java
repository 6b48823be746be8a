package cn.shebao.counter.workstation.testing;

import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

/**
 * Walks a window's showing components and names every label, button or field whose text does not fit: narrower than
 * it asks to be (the text ends in "..." or is cut), or reaching past the edge of the window. Content inside a scroll
 * pane is left out (it scrolls), and so are HTML labels, which wrap. Call on the Event Dispatch Thread.
 */
public final class ClippedComponents {

    private ClippedComponents() {
    }

    /** One line per component that does not fit, with its name or text and both widths. */
    public static List<String> in(Container window) {
        List<String> found = new ArrayList<>();
        Rectangle visible = new Rectangle(0, 0, window.getWidth(), window.getHeight());
        walk(window, window, visible, found);
        return found;
    }

    private static void walk(Container window, Container parent, Rectangle visible, List<String> found) {
        for (Component c : parent.getComponents()) {
            if (!c.isShowing() || c instanceof JViewport) {
                continue;
            }
            String text = textOf(c);
            if (text != null && !text.isBlank() && !text.startsWith("<html>")) {
                int wanted = c.getPreferredSize().width;
                Rectangle inWindow = SwingUtilities.convertRectangle(parent, c.getBounds(), window);
                if (c.getWidth() < wanted - 1) {
                    found.add(describe(c, text) + ": " + c.getWidth() + " px of " + wanted);
                } else if (inWindow.x + inWindow.width > visible.width || inWindow.y + inWindow.height > visible.height) {
                    found.add(describe(c, text) + ": past the window's edge at x " + (inWindow.x + inWindow.width) + " of "
                            + visible.width);
                }
            }
            if (c instanceof Container container && !(c instanceof JTextComponent)) {
                walk(window, container, visible, found);
            }
        }
    }

    private static String textOf(Component c) {
        if (c instanceof JLabel l) {
            return l.getText();
        }
        if (c instanceof AbstractButton b) {
            return b.getText();
        }
        return null;
    }

    private static String describe(Component c, String text) {
        String name = c instanceof JComponent j && j.getName() != null ? j.getName() : c.getClass().getSimpleName();
        return name + " \"" + text + "\"";
    }
}
