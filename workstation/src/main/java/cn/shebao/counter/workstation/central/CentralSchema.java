package cn.shebao.counter.workstation.central;

import cn.shebao.counter.workstation.citizen.ArchivedContribution;
import cn.shebao.counter.workstation.command.ChangeCounter;
import cn.shebao.counter.workstation.command.ChangeLogEntry;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import java.util.List;

/** The central database's entities: everything shared plus what only central keeps (the change log, the nodes). */
public final class CentralSchema {

    static final List<Class<?>> CENTRAL_ONLY = List.of(SyncNode.class, AppliedCommand.class, ChangeCounter.class,
            ChangeLogEntry.class, ShippedAuditEvent.class, AuditChainState.class, ArchivedContribution.class);

    private CentralSchema() {
    }

    public static PersistenceUnit unit(PersistenceUnit.SchemaCheck check) {
        return DomainSchema.withShared(CENTRAL_ONLY, check);
    }
}
