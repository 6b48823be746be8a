package cn.shebao.counter.workstation.security;

import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Staff login against the hashes in the replica, so it works offline. Failed attempts and lockouts are
 * stored in this window's {@link StaffLockout}, so they survive a restart and never touch central's staff row. Every outcome is audited. Slow by design
 * (PBKDF2): never call it on the Event Dispatch Thread.
 */
public final class StaffAuthenticator {

    private final SessionFactory sessions;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    private final Supplier<LoginPolicy> policy;
    /** Verified against when the username is unknown, so timing does not reveal which names exist. */
    private final String decoyHash;
    private final UnknownNameAttempts unknownNames = new UnknownNameAttempts();

    public StaffAuthenticator(SessionFactory sessions, PasswordHasher hasher, AuditLog audit, Clock clock, LoginPolicy policy) {
        this(sessions, hasher, audit, clock, () -> policy);
    }

    /** @param policy read at every login: the lockout rules come from central and may change while the window runs */
    public StaffAuthenticator(SessionFactory sessions, PasswordHasher hasher, AuditLog audit, Clock clock,
            Supplier<LoginPolicy> policy) {
        this.sessions = sessions;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
        this.decoyHash = hasher.hash("decoy-password".toCharArray());
    }

    public LoginPolicy policy() {
        return policy.get();
    }

    public LoginOutcome login(String username, char[] password) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        LoginPolicy rules = policy(); // once: the centre's rules may change during a login
        return sessions.fromTransaction(s -> {
            StaffUser user = find(s, name);
            Instant now = clock.instant();
            if (user == null || !user.isActive()) {
                // Not the typed name: clerks sometimes type their password into the name field.
                audit.append(s, new AuditEntry(null, "?", "login.unknownUser", null, null, null, null));
                Optional<Instant> locked = unknownNames.lockedUntil(name, now);
                if (locked.isPresent()) {
                    return new LoginOutcome.Locked(locked.get());
                }
                hasher.verify(password, decoyHash);
                // Counted like a real account's failures, so neither the count nor the lockout tells names apart.
                return unknownNames.failed(name, now, rules.maxFailures(), rules.lockout())
                        .<LoginOutcome>map(LoginOutcome.WrongCredentials::new)
                        .orElseGet(() -> new LoginOutcome.Locked(unknownNames.lockedUntil(name, now).orElseThrow()));
            }
            StaffLockout lockout = s.find(StaffLockout.class, user.getId());
            if (lockout != null && lockout.getLockedUntil() != null && now.isBefore(lockout.getLockedUntil())) {
                audit.append(s, entry(user, "login.refusedLocked"));
                return new LoginOutcome.Locked(lockout.getLockedUntil());
            }
            if (!hasher.verify(password, user.getPasswordHash())) {
                if (lockout == null) {
                    lockout = new StaffLockout(user.getId());
                    s.persist(lockout);
                }
                int failures = lockout.getFailedAttempts() + 1;
                if (failures >= rules.maxFailures()) {
                    lockout.setFailedAttempts(0);
                    lockout.setLockedUntil(now.plus(rules.lockout()));
                    audit.append(s, entry(user, "login.lockedOut"));
                    return new LoginOutcome.Locked(lockout.getLockedUntil());
                }
                lockout.setFailedAttempts(failures);
                audit.append(s, entry(user, "login.wrongPassword"));
                return new LoginOutcome.WrongCredentials(rules.maxFailures() - failures);
            }
            if (lockout != null) {
                s.remove(lockout);
            }
            boolean expired = user.getPasswordChangedAt().plus(rules.passwordMaxAge()).isBefore(now);
            audit.append(s, entry(user, "login.success"));
            return new LoginOutcome.Success(session(user), user.isMustChangePassword() || expired);
        });
    }

    /** Unlocking an idle-locked screen: only the same person's password opens it. */
    public LoginOutcome reauthenticate(StaffSession session, char[] password) {
        LoginOutcome outcome = login(session.username(), password);
        if (outcome instanceof LoginOutcome.Success success && !success.session().userId().equals(session.userId())) {
            throw new IllegalStateException("username now belongs to another user");
        }
        return outcome;
    }

    /** The password policy: long enough, letters and digits, not the old one. */
    public void checkStrength(char[] oldPassword, char[] newPassword) {
        boolean letter = false;
        boolean digit = false;
        for (char c : newPassword) {
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
        }
        if (newPassword.length < policy().minimumPasswordLength() || !letter || !digit) {
            throw new LocalizedException("security.password.tooWeak", policy().minimumPasswordLength());
        }
        if (Arrays.equals(oldPassword, newPassword)) {
            throw new LocalizedException("security.password.sameAsOld");
        }
    }

    private static StaffUser find(Session s, String username) {
        return s.createSelectionQuery("from StaffUser where username = :u", StaffUser.class)
                .setParameter("u", username).uniqueResult();
    }

    static StaffSession session(StaffUser u) {
        return new StaffSession(u.getId(), u.getUsername(), u.getDisplayName(), u.getRoles());
    }

    private static AuditEntry entry(StaffUser u, String action) {
        return new AuditEntry(u.getId(), u.getUsername(), action, "StaffUser", u.getId().toString(), null, null);
    }
}
