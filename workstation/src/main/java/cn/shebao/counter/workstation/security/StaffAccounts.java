package cn.shebao.counter.workstation.security;

import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import java.util.Locale;
import org.hibernate.SessionFactory;

/** Supervisor and admin actions on staff accounts; the role check is here, not in the buttons. */
public final class StaffAccounts {

    private final SessionFactory sessions;
    private final AuditLog audit;

    public StaffAccounts(SessionFactory sessions, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    /** Lifts a lockout before its time, e.g. after the clerk proved who they are in person. */
    public void unlock(StaffSession actor, String username) {
        actor.require(StaffRole.SUPERVISOR, StaffRole.ADMIN);
        sessions.inTransaction(s -> {
            StaffUser user = s.createSelectionQuery("from StaffUser where username = :u", StaffUser.class)
                    .setParameter("u", username.toLowerCase(Locale.ROOT)).uniqueResult();
            if (user == null) {
                throw new LocalizedException("security.error.noSuchUser", username);
            }
            StaffLockout lockout = s.find(StaffLockout.class, user.getId());
            if (lockout != null) {
                s.remove(lockout);
            }
            audit.append(s, new AuditEntry(actor.userId(), actor.username(), "staff.unlocked", "StaffUser",
                    user.getId().toString(), null, null));
        });
    }

    /**
     * A supervisor ends a colleague's idle-locked session at this workstation (the colleague left).
     * The supervisor's own session proves their role; the ended session is only recorded.
     */
    public void endLockedSession(StaffSession supervisor, StaffSession locked) {
        supervisor.require(StaffRole.SUPERVISOR);
        audit.append(new AuditEntry(supervisor.userId(), supervisor.username(), "session.endedBySupervisor",
                "StaffUser", locked.userId().toString(), null, locked.username()));
    }
}
