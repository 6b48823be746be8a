package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.audit.AuditShipping;
import cn.shebao.counter.workstation.central.CommandHandler;
import cn.shebao.counter.workstation.central.ConflictResolvedHandler;
import cn.shebao.counter.workstation.certificates.DocumentIssuedHandler;
import cn.shebao.counter.workstation.drugs.DrugApplicationHandlers;
import cn.shebao.counter.workstation.identity.CredentialHandlers;
import cn.shebao.counter.workstation.sync.CommandType;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Central's handler for each command type a workstation pushes. A type without a handler is refused as
 * unknown and stays queued, so a workstation newer than its central waits instead of losing work.
 */
public final class CommandHandlers {

    private CommandHandlers() {
    }

    /** @param centralClock central's time, which stamps what central decides (activations, status changes) */
    public static Map<String, CommandHandler> all(Clock centralClock) {
        Map<String, CommandHandler> handlers = new HashMap<>(new CredentialHandlers(centralClock).handlers());
        handlers.putAll(new DrugApplicationHandlers().handlers());
        handlers.put(CommandType.DOCUMENT_ISSUED.name(), new DocumentIssuedHandler());
        handlers.put(CommandType.CONFLICT_RESOLVED.name(), new ConflictResolvedHandler());
        handlers.put(CommandType.AUDIT_EVENT.name(), new AuditShipping(centralClock));
        return Map.copyOf(handlers);
    }
}
