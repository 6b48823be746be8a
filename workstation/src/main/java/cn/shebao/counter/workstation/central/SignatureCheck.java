package cn.shebao.counter.workstation.central;

import cn.shebao.counter.workstation.command.CommandHandler;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffUser;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import cn.shebao.counter.workstation.wire.CommandSignatures;
import cn.shebao.counter.workstation.wire.Payloads;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The person a command names as its decider, co-signer or resolver must have signed it with their own key: the
 * signature is verified against the public key central holds for them, and they must be active and hold the role
 * now. A workstation that knows a supervisor's id but not their password cannot produce this signature, so it
 * cannot forge their decision. Runs before the handler changes anything.
 */
public final class SignatureCheck {

    private SignatureCheck() {
    }

    /**
     * @param signerField the payload field naming who must have signed
     * @param onlyWhenNamed true when the field may be empty and then no signature is needed (a co-sign only on the
     *     manual path); a named co-signer must be someone other than the actor
     * @param roles the roles the signer needs, any one suffices
     */
    public static CommandHandler requiring(String signerField, boolean onlyWhenNamed, Set<StaffRole> roles, CommandHandler handler) {
        Set<StaffRole> needed = Collections.unmodifiableSet(EnumSet.copyOf(roles));
        return (s, c, changes) -> {
            UUID named = Payloads.uuid(Payloads.read(c.payload()), signerField);
            if (named == null && onlyWhenNamed) {
                return handler.apply(s, c, changes);
            }
            CommandHandler.HandlerOutcome refused = refusal(named == null ? null : s.find(StaffUser.class, named), named, needed, c,
                    onlyWhenNamed);
            return refused != null ? refused : handler.apply(s, c, changes);
        };
    }

    private static CommandHandler.HandlerOutcome refusal(StaffUser signer, UUID named, Set<StaffRole> needed, CommandEnvelope c,
            boolean coSign) {
        if (c.signature() == null || c.signedBy() == null) {
            return CommandHandler.HandlerOutcome.conflict("SIGNATURE_MISSING", String.valueOf(named));
        }
        if (signer == null) {
            return CommandHandler.HandlerOutcome.conflict("ACTOR_UNKNOWN", String.valueOf(named));
        }
        if (coSign && named.equals(c.actorId())) {
            return CommandHandler.HandlerOutcome.conflict("SELF_COSIGN", signer.getUsername());
        }
        if (!signer.isActive()) {
            return CommandHandler.HandlerOutcome.conflict("ACTOR_INACTIVE", signer.getUsername());
        }
        if (Collections.disjoint(signer.getRoles(), needed)) {
            return CommandHandler.HandlerOutcome.conflict("ACTOR_NOT_PERMITTED", signer.getUsername() + " needs " + needed);
        }
        if (!named.equals(c.signedBy())
                || !CommandSignatures.verify(signer.getSigningPublicKey(), c.signature(), c.commandId(), c.commandType(), c.payload())) {
            return CommandHandler.HandlerOutcome.conflict("SIGNATURE_INVALID", signer.getUsername());
        }
        return null;
    }
}
