package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.app.Workstation;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.screen.Screen;
import java.awt.event.KeyEvent;
import java.util.EnumSet;
import java.util.function.Consumer;
import javax.swing.JComponent;

/** The shell's own screens, beside the features': the sync state with the conflicts, and the settings. */
final class ShellScreens {

    static final String SYNC = "SYNC";
    static final String SETTINGS = "SETTINGS";

    private ShellScreens() {
    }

    /** F7 for everyone: the sync state and, for supervisors, the conflicts; a plain notice when not enrolled. */
    static Screen sync(Workstation workstation) {
        return new Screen(SYNC, KeyEvent.VK_F7, EnumSet.allOf(StaffRole.class), context -> workstation.sync()
                .<JComponent>map(engine -> new SyncPanel(context.texts(), engine, workstation.clock(),
                        new ConflictQueuePanel(context.texts(), context.session(), workstation.conflicts())))
                .orElseGet(() -> new PlaceholderPanel(context.texts(), SYNC)));
    }

    /** F9 for everyone: language, theme and the idle lock, within the centre's maximum. */
    static Screen settings(UiSettings settings, int idleLockMaxMinutes, Consumer<UiSettings> applied) {
        return new Screen(SETTINGS, KeyEvent.VK_F9, EnumSet.allOf(StaffRole.class),
                context -> new SettingsPanel(context.texts(), settings, idleLockMaxMinutes, applied));
    }
}
