package cn.shebao.counter.workstation.central;

import cn.shebao.counter.workstation.command.CommandHandler;
import cn.shebao.counter.workstation.command.CommandRoute;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.schema.DomainSchema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Central's handler for each command type a workstation pushes, each behind the check of who did it (the role it
 * needs now, at central) and, where the route names one, of whose signature it carries. The routes come from the
 * features ({@link DomainSchema#FEATURES}); central adds its own two (conflict resolution, audit shipping). A type
 * without a handler is refused as unknown and stays queued, so a workstation newer than its central waits instead of
 * losing work.
 */
public final class CommandHandlers {

    private CommandHandlers() {
    }

    /** @param centralClock central's time, which stamps what central decides (activations, status changes) */
    public static Map<String, CommandHandler> all(Clock centralClock) {
        List<CommandRoute> routes = new ArrayList<>();
        DomainSchema.FEATURES.forEach(f -> routes.addAll(f.commands(centralClock)));
        routes.add(CommandRoute.signed(CommandType.CONFLICT_RESOLVED, CommandRoute.SUPERVISOR, "resolvedBy",
                CommandRoute.Signer.of("resolvedBy", CommandRoute.SUPERVISOR), new ConflictResolvedHandler()));
        Map<String, CommandHandler> handlers = new HashMap<>();
        for (CommandRoute route : routes) {
            if (handlers.put(route.type().name(), guarded(route)) != null) {
                throw new IllegalStateException("two routes for " + route.type());
            }
        }
        // Audit events name whoever acted, including an unknown user name typed at the login: no role to check;
        // their guard is the hash chain central verifies.
        handlers.put(CommandType.AUDIT_EVENT.name(), new AuditShipping(centralClock));
        return Map.copyOf(handlers);
    }

    /** The actor's check first, then the signer's, then the handler. */
    private static CommandHandler guarded(CommandRoute route) {
        CommandHandler handler = route.handler();
        CommandRoute.Signer signer = route.signer();
        CommandHandler checked = signer == null ? handler
                : SignatureCheck.requiring(signer.field(), signer.onlyWhenNamed(), signer.roles(), handler);
        return ActorCheck.requiring(route.roles(), route.actorField(), checked);
    }
}
