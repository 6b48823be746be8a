package cn.shebao.counter.workstation.auditview;

import cn.shebao.counter.workstation.audit.AuditVerifier;
import cn.shebao.counter.workstation.audit.UnusualAccess;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.screen.Screen;
import java.awt.event.KeyEvent;
import java.time.ZoneId;
import java.util.Set;

/** F8, for supervisors and IT: searching, verifying and exporting the audit, and the unusual-access report. */
public final class AuditScreen {

    public static final String NAME = "AUDIT";

    /** The services the screen uses. */
    public record Services(AuditSearch search, AuditExport export, AuditVerifier verifier, UnusualAccess.Thresholds hall,
            ZoneId zone) {
    }

    private AuditScreen() {
    }

    public static Screen of(Services services) {
        return new Screen(NAME, KeyEvent.VK_F8, Set.of(StaffRole.SUPERVISOR, StaffRole.ADMIN),
                context -> new AuditPanel(context.texts(), context.session(), services.search(), services.export(),
                        services.verifier(), services.hall(), services.zone()));
    }
}
