package cn.shebao.counter.workstation.central;

import cn.shebao.counter.workstation.certificates.DocumentIssuedHandler;
import cn.shebao.counter.workstation.command.CommandHandler;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.drugs.DrugApplicationHandlers;
import cn.shebao.counter.workstation.drugs.SpecifiedDiseaseHandlers;
import cn.shebao.counter.workstation.identity.CredentialHandlers;
import cn.shebao.counter.workstation.security.StaffRole;
import cn.shebao.counter.workstation.staff.StaffHandlers;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Central's handler for each command type a workstation pushes, each behind the check of who did it (the role it
 * needs now, at central). A type without a handler is refused as unknown and stays queued, so a workstation newer
 * than its central waits instead of losing work.
 */
public final class CommandHandlers {

    private static final Set<StaffRole> CLERK = EnumSet.of(StaffRole.CLERK);
    private static final Set<StaffRole> CLERK_OR_SUPERVISOR = EnumSet.of(StaffRole.CLERK, StaffRole.SUPERVISOR);
    private static final Set<StaffRole> SUPERVISOR = EnumSet.of(StaffRole.SUPERVISOR);
    private static final Set<StaffRole> ADMIN = EnumSet.of(StaffRole.ADMIN);
    private static final Set<StaffRole> ANYONE = EnumSet.allOf(StaffRole.class);

    private CommandHandlers() {
    }

    /** @param centralClock central's time, which stamps what central decides (activations, status changes) */
    public static Map<String, CommandHandler> all(Clock centralClock) {
        Map<String, CommandHandler> plain = new HashMap<>(new CredentialHandlers(centralClock).handlers());
        plain.putAll(new DrugApplicationHandlers().handlers());
        plain.putAll(new SpecifiedDiseaseHandlers().handlers());
        plain.put(CommandType.DOCUMENT_ISSUED.name(), new DocumentIssuedHandler());
        plain.put(CommandType.CONFLICT_RESOLVED.name(), new ConflictResolvedHandler());
        plain.putAll(new StaffHandlers().handlers());

        Map<String, CommandHandler> handlers = new HashMap<>();
        // The same roles the workstation's services require (StaffSession.require), checked again at central; a
        // decision, co-sign or resolution must also carry the signature of the person it names (SignatureCheck).
        guard(handlers, plain, CommandType.IDENTITY_CONFIRMED, CLERK, null, new Signer("coSignerId", true, SUPERVISOR));
        guard(handlers, plain, CommandType.CREDENTIAL_ISSUED, CLERK, null);
        guard(handlers, plain, CommandType.CREDENTIAL_RESET, CLERK, null);
        guard(handlers, plain, CommandType.CREDENTIAL_LOCKED, CLERK_OR_SUPERVISOR, null);
        guard(handlers, plain, CommandType.CREDENTIAL_UNLOCKED, CLERK_OR_SUPERVISOR, null);
        guard(handlers, plain, CommandType.CREDENTIAL_REVOKED, CLERK_OR_SUPERVISOR, null);
        guard(handlers, plain, CommandType.DRUG_APPLICATION_REGISTERED, CLERK, null);
        guard(handlers, plain, CommandType.DRUG_APPLICATION_WITHDRAWN, CLERK, "by");
        guard(handlers, plain, CommandType.DRUG_APPLICATION_DECIDED, SUPERVISOR, "decidedBy", new Signer("decidedBy", false, SUPERVISOR));
        guard(handlers, plain, CommandType.DRUG_APPROVAL_REVOKED, SUPERVISOR, "by", new Signer("by", false, SUPERVISOR));
        guard(handlers, plain, CommandType.SPECIFIED_DISEASE_REGISTERED, CLERK, "by");
        guard(handlers, plain, CommandType.SPECIFIED_DISEASE_ENDED, CLERK, "by");
        guard(handlers, plain, CommandType.DOCUMENT_ISSUED, CLERK_OR_SUPERVISOR, null);
        guard(handlers, plain, CommandType.CONFLICT_RESOLVED, SUPERVISOR, "resolvedBy", new Signer("resolvedBy", false, SUPERVISOR));
        // Central owns the staff accounts: an administrator's signed command changes them, or the person's own
        // signature for their own password (verified against the public key central already holds).
        guard(handlers, plain, CommandType.STAFF_CREATED, ADMIN, "by", new Signer("by", false, ADMIN));
        guard(handlers, plain, CommandType.STAFF_UPDATED, ADMIN, "by", new Signer("by", false, ADMIN));
        guard(handlers, plain, CommandType.STAFF_PASSWORD_RESET, ADMIN, "by", new Signer("by", false, ADMIN));
        guard(handlers, plain, CommandType.STAFF_PASSWORD_CHANGED, ANYONE, "staffId", new Signer("staffId", false, ANYONE));
        // Audit events name whoever acted, including an unknown user name typed at the login: no role to check;
        // their guard is the hash chain central verifies.
        handlers.put(CommandType.AUDIT_EVENT.name(), new AuditShipping(centralClock));
        if (!handlers.keySet().containsAll(plain.keySet())) {
            throw new IllegalStateException("a command handler has no actor check");
        }
        return Map.copyOf(handlers);
    }

    /** Whose signature a command must carry: the person the payload field names (see SignatureCheck). */
    private record Signer(String field, boolean onlyWhenNamed, Set<StaffRole> roles) {
    }

    private static void guard(Map<String, CommandHandler> guarded, Map<String, CommandHandler> plain, CommandType type,
            Set<StaffRole> roles, String actorField) {
        guard(guarded, plain, type, roles, actorField, null);
    }

    /** The actor's check first, then the signer's, then the handler. */
    private static void guard(Map<String, CommandHandler> guarded, Map<String, CommandHandler> plain, CommandType type,
            Set<StaffRole> roles, String actorField, Signer signer) {
        CommandHandler handler = plain.get(type.name());
        if (handler == null) {
            throw new IllegalStateException("no central handler for " + type);
        }
        CommandHandler checked = signer == null ? handler
                : SignatureCheck.requiring(signer.field(), signer.onlyWhenNamed(), signer.roles(), handler);
        guarded.put(type.name(), ActorCheck.requiring(roles, actorField, checked));
    }
}
