package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.central.CommandHandler;
import cn.shebao.counter.workstation.certificates.DocumentIssuedHandler;
import cn.shebao.counter.workstation.sync.CommandType;
import java.util.Map;

/**
 * Central's handler for each command type a workstation pushes. A type without a handler is refused as
 * unknown and stays queued, so a workstation newer than its central waits instead of losing work.
 */
public final class CommandHandlers {

    private CommandHandlers() {
    }

    public static Map<String, CommandHandler> all() {
        return Map.of(CommandType.DOCUMENT_ISSUED.name(), new DocumentIssuedHandler());
    }
}
