package cn.shebao.counter.workstation.staff;

import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.screen.Screen;
import java.awt.event.KeyEvent;
import java.util.Set;

/** F11, for IT: staff accounts. (F10 is the menu bar's own key in most look-and-feels, F12 logs out.) */
public final class StaffScreen {

    public static final String NAME = "STAFF";

    private StaffScreen() {
    }

    public static Screen of(StaffAdministration administration) {
        return new Screen(NAME, KeyEvent.VK_F11, Set.of(StaffRole.ADMIN),
                context -> new StaffPanel(context.texts(), context.session(), administration));
    }
}
