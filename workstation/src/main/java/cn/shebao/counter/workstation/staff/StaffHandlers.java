package cn.shebao.counter.workstation.staff;

import cn.shebao.counter.workstation.command.ChangeLog;
import cn.shebao.counter.workstation.command.ChangeLogEntry;
import cn.shebao.counter.workstation.command.CommandHandler;
import cn.shebao.counter.workstation.command.CommandRoute;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.security.StaffSigningKey;
import cn.shebao.counter.workstation.security.StaffUser;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import cn.shebao.counter.workstation.wire.Payloads;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Central's side of the staff-account commands; central owns the accounts. The actor and signature checks in front
 * of these (an administrator's signature, or the person's own for their password) run first; these run the account
 * rules again. A refused command logs the account as central has it (or its removal, for a refused new account), so
 * the window that made the change gets central's row back on its next pull instead of keeping its own.
 */
public final class StaffHandlers {

    /**
     * Central owns the staff accounts: an administrator's signed command changes them, or the person's own signature
     * for their own password (verified against the public key central already holds).
     */
    public List<CommandRoute> routes() {
        return List.of(
                CommandRoute.signed(CommandType.STAFF_CREATED, CommandRoute.ADMIN, "by", CommandRoute.Signer.of("by", CommandRoute.ADMIN),
                        this::created),
                CommandRoute.signed(CommandType.STAFF_UPDATED, CommandRoute.ADMIN, "by", CommandRoute.Signer.of("by", CommandRoute.ADMIN),
                        this::updated),
                CommandRoute.signed(CommandType.STAFF_PASSWORD_RESET, CommandRoute.ADMIN, "by",
                        CommandRoute.Signer.of("by", CommandRoute.ADMIN), this::passwordReset),
                CommandRoute.signed(CommandType.STAFF_PASSWORD_CHANGED, CommandRoute.ANYONE, "staffId",
                        CommandRoute.Signer.of("staffId", CommandRoute.ANYONE), this::passwordChanged));
    }

    private CommandHandler.HandlerOutcome created(Session s, CommandEnvelope c, ChangeLog changes) {
        Map<String, Object> m = Payloads.read(c.payload());
        UUID id = Payloads.uuid(m, "staffId");
        if (s.find(StaffUser.class, id) != null) {
            return CommandHandler.HandlerOutcome.ok();
        }
        StaffUser u = new StaffUser(id);
        u.setUsername(Payloads.string(m, "username"));
        u.setDisplayName(Payloads.string(m, "displayName"));
        u.setRoles(StaffPayloads.roles(m));
        u.setActive(true);
        credentials(u, m);
        try {
            if (!u.getUsername().equals(StaffRules.username(u.getUsername()))) {
                throw new LocalizedException("staff.error.username");
            }
            StaffRules.wellFormed(u);
            StaffRules.usernameFree(s, u);
        } catch (LocalizedException broken) {
            changes.record(s, "staff_user", id, 0, ChangeLogEntry.Operation.DELETE, c.nodeCode());
            return CommandHandler.HandlerOutcome.conflict("STAFF_REFUSED", broken.key());
        }
        s.persist(u);
        return logged(s, u, c, changes);
    }

    private CommandHandler.HandlerOutcome updated(Session s, CommandEnvelope c, ChangeLog changes) {
        Map<String, Object> m = Payloads.read(c.payload());
        StaffUser u = s.find(StaffUser.class, Payloads.uuid(m, "staffId"));
        if (u == null) {
            return unknown(m);
        }
        boolean active = StaffPayloads.flag(m, "active");
        try {
            StaffRules.anAdministratorRemains(s, u, active, StaffPayloads.roles(m));
            StaffUser candidate = new StaffUser(u.getId());
            candidate.setDisplayName(Payloads.string(m, "displayName"));
            candidate.setRoles(StaffPayloads.roles(m));
            StaffRules.wellFormed(candidate);
        } catch (LocalizedException broken) {
            return refused(s, u, c, changes, broken.key());
        }
        u.setDisplayName(Payloads.string(m, "displayName"));
        u.setRoles(StaffPayloads.roles(m));
        u.setActive(active);
        return logged(s, u, c, changes);
    }

    private CommandHandler.HandlerOutcome passwordReset(Session s, CommandEnvelope c, ChangeLog changes) {
        Map<String, Object> m = Payloads.read(c.payload());
        StaffUser u = s.find(StaffUser.class, Payloads.uuid(m, "staffId"));
        if (u == null) {
            return unknown(m);
        }
        credentials(u, m);
        return logged(s, u, c, changes);
    }

    /** The person's own change keeps their public key: the signature in front of this was verified against it. */
    private CommandHandler.HandlerOutcome passwordChanged(Session s, CommandEnvelope c, ChangeLog changes) {
        Map<String, Object> m = Payloads.read(c.payload());
        StaffUser u = s.find(StaffUser.class, Payloads.uuid(m, "staffId"));
        if (u == null) {
            return unknown(m);
        }
        u.setPasswordHash(required(m, "passwordHash"));
        u.setPasswordChangedAt(Payloads.instant(m, "passwordChangedAt"));
        u.setSigningKeySealed(required(m, "signingKeySealed"));
        u.setMustChangePassword(false);
        return logged(s, u, c, changes);
    }

    private static CommandHandler.HandlerOutcome unknown(Map<String, Object> m) {
        return CommandHandler.HandlerOutcome.conflict("STAFF_UNKNOWN", Payloads.string(m, "staffId"));
    }

    private static void credentials(StaffUser u, Map<String, Object> m) {
        u.setPasswordHash(required(m, "passwordHash"));
        u.setPasswordChangedAt(Payloads.instant(m, "passwordChangedAt"));
        u.setMustChangePassword(StaffPayloads.flag(m, "mustChangePassword"));
        u.setSigningKey(new StaffSigningKey.Sealed(required(m, "signingPublicKey"),
                required(m, "signingKeySealed")));
    }

    private static String required(Map<String, Object> m, String field) {
        String v = Payloads.string(m, field);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v;
    }

    private static CommandHandler.HandlerOutcome refused(Session s, StaffUser u, CommandEnvelope c, ChangeLog changes, String rule) {
        changes.record(s, "staff_user", u.getId(), u.getRowVersion(), ChangeLogEntry.Operation.UPSERT, c.nodeCode());
        return CommandHandler.HandlerOutcome.conflict("STAFF_REFUSED", rule);
    }

    private static CommandHandler.HandlerOutcome logged(Session s, StaffUser u, CommandEnvelope c, ChangeLog changes) {
        s.flush();
        changes.record(s, "staff_user", u.getId(), u.getRowVersion(), ChangeLogEntry.Operation.UPSERT, c.nodeCode());
        return CommandHandler.HandlerOutcome.ok();
    }
}
