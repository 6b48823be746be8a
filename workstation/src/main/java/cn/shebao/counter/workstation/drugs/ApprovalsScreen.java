package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.screen.Screen;
import java.awt.event.KeyEvent;
import java.util.Set;

/** F5, for supervisors: the second pair of eyes on special-drug applications. */
public final class ApprovalsScreen {

    public static final String NAME = "APPROVALS";

    private ApprovalsScreen() {
    }

    public static Screen of(DrugApplications applications) {
        return new Screen(NAME, KeyEvent.VK_F5, Set.of(StaffRole.SUPERVISOR),
                context -> new ApprovalsPanel(context.texts(), context.session(), applications));
    }
}
