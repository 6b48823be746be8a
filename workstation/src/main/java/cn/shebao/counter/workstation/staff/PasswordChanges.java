package cn.shebao.counter.workstation.staff;

import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.command.CommandSigner;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.security.StaffSigningKey;
import cn.shebao.counter.workstation.security.StaffUser;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.hibernate.SessionFactory;

/**
 * A staff member changes their own password at a window. The change is a command central applies, so the new
 * password works at every window after its next pull and the old one nowhere; it is signed with the person's own
 * key (unlocked by the old password and resealed under the new one), so no workstation can set someone's password
 * without knowing the current one. Slow by design (PBKDF2 three times): never on the Event Dispatch Thread.
 */
public final class PasswordChanges {

    private final SessionFactory sessions;
    private final StaffAuthenticator authenticator;
    private final PasswordHasher hasher;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final Runnable commandQueued;

    public PasswordChanges(SessionFactory sessions, StaffAuthenticator authenticator, PasswordHasher hasher, Outbox outbox,
            AuditLog audit, Clock clock, Runnable commandQueued) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.hasher = hasher;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.commandQueued = commandQueued;
    }

    /** Sets a new password after checking the old one and the policy; the new one is never logged or kept. */
    public void change(StaffSession session, char[] oldPassword, char[] newPassword) {
        authenticator.checkStrength(oldPassword, newPassword);
        StaffUser current = sessions.fromTransaction(s -> s.find(StaffUser.class, session.userId()));
        if (current == null || !hasher.verify(oldPassword, current.getPasswordHash())) {
            throw new LocalizedException("security.password.oldWrong");
        }
        // An account from before signing keys has none to sign with: central could not tell the change from a forgery,
        // so the person asks IT for a reset, which gives them a key (the message says so).
        PrivateKey key = StaffSigningKey.unlock(current.getSigningKeySealed(), oldPassword);
        String resealed = StaffSigningKey.reseal(current.getSigningKeySealed(), oldPassword, newPassword, new SecureRandom());
        String newHash = hasher.hash(newPassword);
        sessions.inTransaction(s -> {
            StaffUser user = s.find(StaffUser.class, session.userId());
            user.setPasswordHash(newHash);
            user.setSigningKeySealed(resealed);
            user.setMustChangePassword(false);
            user.setPasswordChangedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS));
            s.flush();
            outbox.append(s, CommandType.STAFF_PASSWORD_CHANGED, StaffPayloads.ownPassword(user), "staff_user", user.getId(),
                    user.getId(), user.getUsername(), new CommandSigner(user.getId(), key));
            audit.append(s, new AuditEntry(user.getId(), user.getUsername(), "password.changed", "StaffUser",
                    user.getId().toString(), null, null));
        });
        commandQueued.run();
    }
}
