package cn.shebao.counter.workstation.central;

import cn.shebao.counter.workstation.command.CommandHandler;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffUser;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import cn.shebao.counter.workstation.wire.Payloads;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who did it, checked where it counts: the staff member a command names must exist at central, be active and hold
 * one of the roles the command needs now, whatever the workstation's replica said when it was done. For decisions
 * the person named in the payload (the decider, the resolver) must be that same actor: a workstation cannot name a
 * real supervisor as the decider of something another account did. Runs before the handler changes anything, so a
 * refused command leaves central exactly as it was.
 */
public final class ActorCheck {

    private ActorCheck() {
    }

    /**
     * @param roles any of these roles suffices
     * @param actorField the payload field that must name the actor too, or null
     */
    public static CommandHandler requiring(Set<StaffRole> roles, String actorField, CommandHandler handler) {
        Set<StaffRole> needed = Collections.unmodifiableSet(EnumSet.copyOf(roles));
        return (s, c, changes) -> {
            CommandHandler.HandlerOutcome refused = refusal(s.find(StaffUser.class, c.actorId() == null ? new UUID(0, 0) : c.actorId()),
                    needed, c, actorField);
            return refused != null ? refused : handler.apply(s, c, changes);
        };
    }

    private static CommandHandler.HandlerOutcome refusal(StaffUser actor, Set<StaffRole> needed, CommandEnvelope c, String actorField) {
        if (c.actorId() == null || actor == null) {
            return CommandHandler.HandlerOutcome.conflict("ACTOR_UNKNOWN", String.valueOf(c.actorId()));
        }
        if (!actor.isActive()) {
            return CommandHandler.HandlerOutcome.conflict("ACTOR_INACTIVE", actor.getUsername());
        }
        if (Collections.disjoint(actor.getRoles(), needed)) {
            return CommandHandler.HandlerOutcome.conflict("ACTOR_NOT_PERMITTED", actor.getUsername() + " needs " + needed);
        }
        if (actorField != null) {
            Map<String, Object> payload = Payloads.read(c.payload());
            if (!c.actorId().equals(Payloads.uuid(payload, actorField))) {
                return CommandHandler.HandlerOutcome.conflict("ACTOR_MISMATCH", actorField);
            }
        }
        return null;
    }
}
