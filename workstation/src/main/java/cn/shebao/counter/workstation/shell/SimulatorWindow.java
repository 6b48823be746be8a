package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.device.id.DeviceMessages;
import cn.shebao.counter.device.sim.ReaderSimulator;
import cn.shebao.counter.device.sim.SimulatorPanel;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.util.List;
import java.util.Locale;
import javax.swing.JFrame;
import javax.swing.WindowConstants;

/** Demo mode only: the simulated reader's panel, where a demo user places and removes ID cards. */
final class SimulatorWindow extends JFrame {

    private static final long serialVersionUID = 1L;

    SimulatorWindow(ReaderSimulator simulator, List<IdCard> cards, Locale locale) {
        super(DeviceMessages.bundle(locale).getString("simulator.title"));
        setName("simulatorWindow");
        setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
        // Appearing must not take the keyboard from the clerk's main window.
        setAutoRequestFocus(false);
        setContentPane(new SimulatorPanel(simulator, cards, locale));
        setSize(460, 320);
        // Beside the main window, at the right edge of the screen.
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        setLocation(screen.x + screen.width - getWidth() - 20, screen.y + 40);
    }
}
