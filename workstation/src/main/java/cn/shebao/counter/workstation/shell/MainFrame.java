package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.app.Workstation;
import cn.shebao.counter.workstation.screen.Screen;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.ui.Keys;
import cn.shebao.counter.workstation.ui.Texts;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.swing.AbstractButton;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;

/** The main window: navigation with function keys, the open feature, and the status bar. */
final class MainFrame extends JFrame {

    private static final long serialVersionUID = 1L;
    private static final String LOCKED_CARD = "locked";

    interface Listener {
        void logoutRequested();

        void exitRequested();

        void settingsApplied(UiSettings settings);
    }

    private final transient NavigationModel navigation;
    private final CardLayout cards = new CardLayout();
    private final JPanel content = new JPanel(cards);
    private final Map<String, AbstractButton> buttons = new HashMap<>();

    private final transient FeaturePanels features;
    private final Texts texts;
    private final transient Listener listener;

    MainFrame(Texts texts, StaffSession session, Workstation workstation, UiSettings settings, Listener listener) {
        super(texts.text("main.title", session.displayName()));
        setName("main");
        this.texts = texts;
        this.listener = listener;
        List<Screen> screens = new ArrayList<>(workstation.screens());
        screens.add(ShellScreens.sync(workstation));
        screens.add(ShellScreens.settings(settings, workstation.centrePolicy().idleLockMaxMinutes(), listener::settingsApplied));
        this.navigation = new NavigationModel(session, screens);
        this.features = new FeaturePanels(texts, session, workstation.presentedCards());
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                listener.exitRequested();
            }
        });

        JPanel nav = new JPanel(new MigLayout("wrap 1, insets 12, gap 6", "[180!, fill]"));
        ButtonGroup group = new ButtonGroup();
        for (Screen screen : navigation.visibleScreens()) {
            String name = screen.name();
            JToggleButton b = new JToggleButton(screen.keyLabel() + "  " + texts.text("feature." + name));
            b.setName("nav." + name);
            b.setHorizontalAlignment(JToggleButton.LEFT);
            b.addActionListener(e -> open(name));
            group.add(b);
            nav.add(b);
            buttons.put(name, b);
            content.add(features.open(screen), name);
            Keys.bind(getRootPane(), KeyStroke.getKeyStroke(screen.functionKey(), 0), "open." + name, () -> open(name));
        }
        features.takeCards(this::open);
        JButton logout = new JButton(KeyEvent.getKeyText(KeyEvent.VK_F12) + "  " + texts.text("main.logout"));
        logout.setName("nav.logout");
        logout.setHorizontalAlignment(JButton.LEFT);
        logout.addActionListener(e -> logOut());
        nav.add(logout, "gaptop push");
        Keys.bind(getRootPane(), KeyStroke.getKeyStroke(KeyEvent.VK_F12, 0), "logout", this::logOut);
        content.add(new JPanel(), LOCKED_CARD);

        JPanel root = new JPanel(new BorderLayout());
        root.add(nav, BorderLayout.WEST);
        root.add(content, BorderLayout.CENTER);
        root.add(new StatusBar(texts, session, workstation.demo(), workstation.softwareKeyInUse(), workstation.readerStatus(), workstation.sync(),
                workstation.refusedTemplates()), BorderLayout.SOUTH);
        setContentPane(root);
        navigation.selected().ifPresent(screen -> open(screen.name()));
        setSize(1100, 720); // the size it returns to when the clerk un-maximises it
        setLocationRelativeTo(null);
        // A counter's screen is the clerk's whole desk: the main window opens using all of it.
        if (getToolkit().isFrameStateSupported(MAXIMIZED_BOTH)) {
            setExtendedState(MAXIMIZED_BOTH);
        }
    }

    @Override
    public void dispose() {
        features.close();
        super.dispose();
    }

    /**
     * F12 or the button: while a citizen's record is open, asks first (a stray F12 must not drop the citizen the
     * clerk is serving); Escape or 取消 keeps everything as it was.
     */
    private void logOut() {
        if (features.citizenBeingServed()) {
            Object[] options = {texts.text("logout.confirm.yes"), texts.text("logout.confirm.no")};
            JOptionPane pane = new JOptionPane(texts.text("logout.confirm.message"), JOptionPane.QUESTION_MESSAGE,
                    JOptionPane.YES_NO_OPTION, null, options, options[1]);
            JDialog dialog = pane.createDialog(this, texts.text("logout.confirm.title"));
            dialog.setName("logout.confirm");
            dialog.setVisible(true);
            dialog.dispose();
            if (pane.getValue() != options[0]) {
                return;
            }
        }
        listener.logoutRequested();
    }

    /** Shows a screen by its name; a screen this person does not see stays closed. */
    void open(String screen) {
        if (navigation.select(screen)) {
            buttons.get(screen).setSelected(true);
            cards.show(content, screen);
        }
    }

    /** While locked nothing personal stays on screen behind the lock dialog. */
    void setLocked(boolean locked) {
        if (locked) {
            cards.show(content, LOCKED_CARD);
        } else {
            navigation.selected().ifPresent(screen -> cards.show(content, screen.name()));
        }
    }

    /** The screens this person sees, by name, in navigation order. */
    List<String> screenNames() {
        return navigation.visibleScreens().stream().map(Screen::name).toList();
    }
}
