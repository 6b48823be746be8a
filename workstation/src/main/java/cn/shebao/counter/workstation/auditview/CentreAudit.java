package cn.shebao.counter.workstation.auditview;

import cn.shebao.counter.workstation.audit.AuditFilter;
import cn.shebao.counter.workstation.audit.AuditQuery;
import cn.shebao.counter.workstation.audit.AuditSort;
import cn.shebao.counter.workstation.audit.UnusualAccess;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The centre's view of the audit: every window's shipped chain, and each chain's state as central verified it. */
public interface CentreAudit {

    /** One window's chain at central: verified from 1 to {@code verified}, the newest received, the first break if any. */
    record ChainState(String workstationCode, long verified, long received, String problemKind, Long problemSequence) {
    }

    /** A workstation without a central service has no centre's view. */
    CentreAudit NONE = new CentreAudit() {
        @Override
        public AuditQuery.Page search(UUID staffId, AuditFilter filter, AuditSort sort, boolean ascending, int offset, int limit) {
            throw new Unavailable("audit.centre.notEnrolled", null);
        }

        @Override
        public List<ChainState> chains(UUID staffId) {
            throw new Unavailable("audit.centre.notEnrolled", null);
        }

        @Override
        public List<UnusualAccess.Finding> unusual(UUID staffId, Instant from, Instant to, UnusualAccess.Thresholds t) {
            throw new Unavailable("audit.centre.notEnrolled", null);
        }
    };

    AuditQuery.Page search(UUID staffId, AuditFilter filter, AuditSort sort, boolean ascending, int offset, int limit);

    List<ChainState> chains(UUID staffId);

    /** The unusual-access report over every window's shipped audit. */
    List<UnusualAccess.Finding> unusual(UUID staffId, Instant from, Instant to, UnusualAccess.Thresholds thresholds);

    /** Central could not be asked (offline, or it refused this staff member). */
    final class Unavailable extends LocalizedException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String key, Throwable cause) {
            super(cause, key);
        }
    }
}
