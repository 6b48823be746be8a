package cn.shebao.counter.workstation.central;

import cn.shebao.counter.workstation.audit.AuditFilter;
import cn.shebao.counter.workstation.audit.AuditQuery;
import cn.shebao.counter.workstation.audit.AuditSort;
import cn.shebao.counter.workstation.audit.UnusualAccess;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffUser;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * The centre's view of the audit for a supervisor or administrator at a window: every window's shipped chain
 * searched with the window's own filters, and each chain's state as central verified it. The staff member must hold
 * the role at central now, whatever the window's replica says.
 */
public final class CentralAuditSearch {

    private static final Set<StaffRole> READERS = Set.of(StaffRole.SUPERVISOR, StaffRole.ADMIN);

    /** The staff member may not read the centre's audit. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused() {
            super("AUDIT_STAFF_NOT_PERMITTED");
        }
    }

    private final SessionFactory central;
    private final AuditChains chains;

    public CentralAuditSearch(SessionFactory central, DataSource database) {
        this.central = central;
        this.chains = new AuditChains(database);
    }

    public AuditQuery.Page search(UUID staffId, AuditFilter filter, AuditSort sort, boolean ascending, int offset, int limit) throws Refused {
        require(staffId);
        return central.fromTransaction(s -> AuditQuery.run(s, AuditQuery.SHIPPED, filter, sort, ascending, offset, limit));
    }

    public List<AuditChains.State> chains(UUID staffId) throws Refused, SQLException {
        require(staffId);
        return chains.all();
    }

    /** The unusual-access report over every window's shipped audit, in the centre's time zone. */
    public List<UnusualAccess.Finding> unusual(UUID staffId, Instant from, Instant to, UnusualAccess.Thresholds t,
            ZoneId zone) throws Refused {
        require(staffId);
        return central.fromTransaction(s -> UnusualAccess.find(s, AuditQuery.SHIPPED, from, to, t, zone));
    }

    private void require(UUID staffId) throws Refused {
        Boolean permitted = central.fromTransaction(s -> permitted(s.find(StaffUser.class, staffId == null ? new UUID(0, 0) : staffId)));
        if (!permitted) {
            throw new Refused();
        }
    }

    private static boolean permitted(StaffUser staff) {
        return staff != null && staff.isActive() && !Collections.disjoint(staff.getRoles(), READERS);
    }
}
