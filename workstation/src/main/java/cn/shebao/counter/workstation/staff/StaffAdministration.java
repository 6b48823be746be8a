package cn.shebao.counter.workstation.staff;

import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.command.CommandSigner;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.security.LoginOutcome;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.security.StaffSigningKey;
import cn.shebao.counter.workstation.security.StaffUser;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * IT's work on staff accounts at a window: create an account, change its name and roles, disable or re-enable it,
 * and set a temporary password. Each is a command central applies (central owns the accounts), signed with the
 * administrator's own key after they entered their password again; every window learns of it on its next pull, so
 * a disabled clerk cannot log in anywhere from then on.
 */
public final class StaffAdministration {

    /** What the administrators' list shows of one account. */
    public record Account(UUID id, String username, String displayName, Set<StaffRole> roles, boolean active,
            boolean mustChangePassword) {
    }

    private final SessionFactory sessions;
    private final StaffAuthenticator authenticator;
    private final PasswordHasher hasher;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final Runnable commandQueued;

    public StaffAdministration(SessionFactory sessions, StaffAuthenticator authenticator, PasswordHasher hasher, Outbox outbox,
            AuditLog audit, Clock clock, TimeOrderedIds ids, Runnable commandQueued) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.hasher = hasher;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.commandQueued = commandQueued;
    }

    public List<Account> accounts(StaffSession admin) {
        admin.require(StaffRole.ADMIN);
        return sessions.fromTransaction(s -> s.createSelectionQuery("from StaffUser order by username", StaffUser.class)
                .getResultList().stream().map(u -> new Account(u.getId(), u.getUsername(), u.getDisplayName(), u.getRoles(),
                        u.isActive(), u.isMustChangePassword())).toList());
    }

    /** A new account with a temporary password the person must change at their first login. */
    public UUID create(StaffSession admin, char[] adminPassword, String username, String displayName, Set<StaffRole> roles,
            char[] temporaryPassword) {
        admin.require(StaffRole.ADMIN);
        String name = StaffRules.username(username);
        authenticator.checkStrength(new char[0], temporaryPassword);
        CommandSigner signer = signer(admin, adminPassword);
        StaffSigningKey.Sealed key = StaffSigningKey.create(temporaryPassword, new SecureRandom());
        String hash = hasher.hash(temporaryPassword);
        UUID id;
        synchronized (ids) {
            id = ids.next();
        }
        sessions.inTransaction(s -> {
            StaffUser u = new StaffUser(id);
            u.setUsername(name);
            u.setDisplayName(displayName == null ? null : displayName.strip());
            u.setRoles(roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles));
            u.setActive(true);
            u.setPasswordHash(hash);
            u.setPasswordChangedAt(now());
            u.setMustChangePassword(true);
            u.setSigningKey(key);
            StaffRules.wellFormed(u);
            StaffRules.usernameFree(s, u);
            s.persist(u);
            s.flush();
            outbox.append(s, CommandType.STAFF_CREATED, StaffPayloads.account(u, admin.userId()), "staff_user", id,
                    admin.userId(), admin.username(), signer);
            audited(s, admin, u, "staff.created", u.getUsername() + " " + u.getRoles());
        });
        commandQueued.run();
        return id;
    }

    /** New name, roles or active flag; the administrator cannot remove the last active administrator. */
    public void update(StaffSession admin, char[] adminPassword, UUID staffId, String displayName, Set<StaffRole> roles, boolean active) {
        admin.require(StaffRole.ADMIN);
        CommandSigner signer = signer(admin, adminPassword);
        sessions.inTransaction(s -> {
            StaffUser u = existing(s, staffId);
            StaffRules.anAdministratorRemains(s, u, active, roles);
            u.setDisplayName(displayName == null ? null : displayName.strip());
            u.setRoles(roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles));
            u.setActive(active);
            StaffRules.wellFormed(u);
            s.flush();
            outbox.append(s, CommandType.STAFF_UPDATED, StaffPayloads.update(u, admin.userId()), "staff_user", u.getId(),
                    admin.userId(), admin.username(), signer);
            audited(s, admin, u, active ? "staff.updated" : "staff.disabled", u.getRoles().toString());
        });
        commandQueued.run();
    }

    /**
     * A temporary password for someone who forgot theirs, to be changed at the next login. Their old signing key
     * cannot be opened without the old password, so they get a new one; central replaces the public key it holds.
     */
    public void resetPassword(StaffSession admin, char[] adminPassword, UUID staffId, char[] temporaryPassword) {
        admin.require(StaffRole.ADMIN);
        authenticator.checkStrength(new char[0], temporaryPassword);
        CommandSigner signer = signer(admin, adminPassword);
        StaffSigningKey.Sealed key = StaffSigningKey.create(temporaryPassword, new SecureRandom());
        String hash = hasher.hash(temporaryPassword);
        sessions.inTransaction(s -> {
            StaffUser u = existing(s, staffId);
            u.setPasswordHash(hash);
            u.setPasswordChangedAt(now());
            u.setMustChangePassword(true);
            u.setSigningKey(key);
            s.flush();
            outbox.append(s, CommandType.STAFF_PASSWORD_RESET, StaffPayloads.account(u, admin.userId()), "staff_user", u.getId(),
                    admin.userId(), admin.username(), signer);
            audited(s, admin, u, "staff.passwordReset", null);
        });
        commandQueued.run();
    }

    private CommandSigner signer(StaffSession admin, char[] password) {
        LoginOutcome outcome = authenticator.reauthenticate(admin, password);
        if (!(outcome instanceof LoginOutcome.Success)) {
            throw new LocalizedException(outcome instanceof LoginOutcome.Locked ? "drug.error.locked" : "drug.error.password");
        }
        return new CommandSigner(admin.userId(), sessions.fromTransaction(s -> StaffSigningKey.unlock(s, admin.userId(), password)));
    }

    private static StaffUser existing(Session s, UUID id) {
        StaffUser u = s.find(StaffUser.class, id);
        if (u == null) {
            throw new LocalizedException("security.error.noSuchUser", String.valueOf(id));
        }
        return u;
    }

    private void audited(Session s, StaffSession admin, StaffUser u, String action, String detail) {
        audit.append(s, new AuditEntry(admin.userId(), admin.username(), action, "StaffUser", u.getId().toString(), null, detail));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
