package cn.shebao.counter.workstation.central;

import cn.shebao.counter.workstation.command.ChangeLog;
import cn.shebao.counter.workstation.command.ChangeLogEntry;
import cn.shebao.counter.workstation.command.CommandHandler;
import cn.shebao.counter.workstation.command.SyncConflict;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import cn.shebao.counter.workstation.wire.Payloads;
import java.util.Map;
import org.hibernate.Session;

/**
 * Central's side of CONFLICT_RESOLVED. The first resolution stands; a second one from another window (two
 * supervisors resolving the same conflict offline) is kept as a conflict of its own, so neither note is lost.
 */
public final class ConflictResolvedHandler implements CommandHandler {

    @Override
    public HandlerOutcome apply(Session s, CommandEnvelope command, ChangeLog changes) {
        Map<String, Object> m = Payloads.read(command.payload());
        SyncConflict conflict = s.find(SyncConflict.class, Payloads.uuid(m, "conflictId"));
        if (conflict == null) {
            return HandlerOutcome.conflict("CONFLICT_UNKNOWN", Payloads.string(m, "conflictId"));
        }
        if (!SyncConflict.OPEN.equals(conflict.getStatus())) {
            return HandlerOutcome.conflict("CONFLICT_ALREADY_RESOLVED", Payloads.string(m, "resolution"));
        }
        conflict.resolve(Payloads.uuid(m, "resolvedBy"), Payloads.instant(m, "resolvedAt"), Payloads.string(m, "resolution"));
        s.flush();
        changes.record(s, "sync_conflict", conflict.getId(), conflict.getRowVersion(), ChangeLogEntry.Operation.UPSERT,
                command.nodeCode());
        return HandlerOutcome.ok();
    }
}
