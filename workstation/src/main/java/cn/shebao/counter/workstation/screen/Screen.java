package cn.shebao.counter.workstation.screen;

import cn.shebao.counter.workstation.command.StaffRole;
import java.awt.event.KeyEvent;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javax.swing.JComponent;

/**
 * One screen of the workstation as its feature contributes it. The navigation shows it to the roles named here
 * (hiding is a courtesy: central checks every command again) under the text {@code feature.<name>}, behind its
 * function key; its panel is named {@code feature.<name>}. Screens are listed in function-key order, which is the
 * navigation's order.
 *
 * @param opener makes the screen's panel for one logged-in person; called once per login (and again when the
 *     language changes), on the Event Dispatch Thread
 */
public record Screen(String name, int functionKey, Set<StaffRole> roles, Function<ScreenContext, JComponent> opener) {

    public Screen {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opener, "opener");
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("the screen " + name + " names no role that sees it");
        }
    }

    public boolean visibleTo(Set<StaffRole> staffRoles) {
        return staffRoles.stream().anyMatch(roles::contains);
    }

    /** The key as the navigation button shows it ("F3"). */
    public String keyLabel() {
        return KeyEvent.getKeyText(functionKey);
    }

    public JComponent open(ScreenContext context) {
        return opener.apply(context);
    }
}
