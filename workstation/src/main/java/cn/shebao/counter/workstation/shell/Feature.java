package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.command.StaffRole;
import java.awt.event.KeyEvent;
import java.util.EnumSet;
import java.util.Set;

/** The workstation's features in navigation order, each with its function key and the roles that see it. */
enum Feature {
    CITIZEN_LOOKUP(KeyEvent.VK_F2, StaffRole.CLERK, StaffRole.SUPERVISOR),
    IDENTITY(KeyEvent.VK_F3, StaffRole.CLERK),
    SPECIAL_DRUGS(KeyEvent.VK_F4, StaffRole.CLERK),
    APPROVALS(KeyEvent.VK_F5, StaffRole.SUPERVISOR),
    CERTIFICATES(KeyEvent.VK_F6, StaffRole.CLERK, StaffRole.SUPERVISOR),
    SYNC(KeyEvent.VK_F7, StaffRole.CLERK, StaffRole.SUPERVISOR, StaffRole.ADMIN),
    AUDIT(KeyEvent.VK_F8, StaffRole.SUPERVISOR, StaffRole.ADMIN),
    SETTINGS(KeyEvent.VK_F9, StaffRole.CLERK, StaffRole.SUPERVISOR, StaffRole.ADMIN),
    // F11: F10 is the menu bar's own key in most look-and-feels, F12 logs out.
    STAFF(KeyEvent.VK_F11, StaffRole.ADMIN);

    private final int functionKey;
    private final Set<StaffRole> roles;

    Feature(int functionKey, StaffRole first, StaffRole... more) {
        this.functionKey = functionKey;
        this.roles = EnumSet.of(first, more);
    }

    int functionKey() {
        return functionKey;
    }

    String keyLabel() {
        return KeyEvent.getKeyText(functionKey);
    }

    boolean visibleTo(Set<StaffRole> staffRoles) {
        return staffRoles.stream().anyMatch(roles::contains);
    }
}
