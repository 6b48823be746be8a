package cn.shebao.counter.workstation.identity;

import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.screen.Screen;
import java.awt.event.KeyEvent;
import java.util.Set;

/** F3, for clerks: confirming the identity of the citizen at the window and their online credentials. */
public final class IdentityScreen {

    public static final String NAME = "IDENTITY";

    private IdentityScreen() {
    }

    public static Screen of(IdentityPanel.Services services) {
        return new Screen(NAME, KeyEvent.VK_F3, Set.of(StaffRole.CLERK),
                context -> new IdentityPanel(context.texts(), context.session(), services, context.served()));
    }
}
