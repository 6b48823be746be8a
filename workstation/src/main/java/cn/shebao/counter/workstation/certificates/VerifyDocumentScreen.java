package cn.shebao.counter.workstation.certificates;

import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.screen.Screen;
import java.awt.event.KeyEvent;
import java.time.ZoneId;
import java.util.Set;

/** F6: checking a printed document's number against the register. */
public final class VerifyDocumentScreen {

    public static final String NAME = "CERTIFICATES";

    private VerifyDocumentScreen() {
    }

    public static Screen of(DocumentRegister register, ZoneId zone) {
        return new Screen(NAME, KeyEvent.VK_F6, Set.of(StaffRole.CLERK, StaffRole.SUPERVISOR),
                context -> new VerifyDocumentPanel(context.texts(), context.session(), register, zone));
    }
}
