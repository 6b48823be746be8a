package cn.shebao.counter.workstation.command;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/** Writes change-log entries inside the transaction that made the change. */
public final class ChangeLog {

    private final Clock clock;
    /** Changes waiting for the end of the transaction; null when each change is logged at once. */
    private final List<Pending> deferred;

    private record Pending(String table, UUID rowId, long rowVersion, ChangeLogEntry.Operation operation, String originNode) {
    }

    public ChangeLog(Clock clock) {
        this(clock, null);
    }

    private ChangeLog(Clock clock, List<Pending> deferred) {
        this.clock = clock;
        this.deferred = deferred;
    }

    /**
     * A change log for one transaction that numbers its changes only at {@link #flush}, just before the commit. The
     * counter row is the one lock every central writer shares: taken at the end, it is held for the commit alone
     * instead of for the whole command, which is what lets many workstations push at once.
     */
    public ChangeLog deferred() {
        return new ChangeLog(clock, new ArrayList<>());
    }

    /** Numbers and writes the deferred changes (in the order they were recorded); a no-op for an immediate log. */
    public void flush(Session s) {
        if (deferred == null || deferred.isEmpty()) {
            return;
        }
        for (Pending p : deferred) {
            write(s, p.table(), p.rowId(), p.rowVersion(), p.operation(), p.originNode());
        }
        deferred.clear();
    }

    /** Logs a change; a deferred log keeps it until {@link #flush} and returns null. */
    public ChangeLogEntry record(Session s, String table, UUID rowId, long rowVersion, ChangeLogEntry.Operation operation,
            String originNode) {
        if (deferred != null) {
            deferred.add(new Pending(table, rowId, rowVersion, operation, originNode));
            return null;
        }
        return write(s, table, rowId, rowVersion, operation, originNode);
    }

    private ChangeLogEntry write(Session s, String table, UUID rowId, long rowVersion, ChangeLogEntry.Operation operation,
            String originNode) {
        // Locking the counter until commit serialises committers: a change with a lower sequence can never become
        // visible after a pull has read a higher one (a plain sequence would allow exactly that skip).
        s.createNativeMutationQuery("UPDATE change_counter SET last_sequence = last_sequence WHERE id = ?1")
                .setParameter(1, ChangeCounter.SINGLETON_ID).executeUpdate(); // plain SQL: see AuditLog
        ChangeCounter counter = s.find(ChangeCounter.class, ChangeCounter.SINGLETON_ID);
        s.refresh(counter);
        ChangeLogEntry entry = new ChangeLogEntry(counter.next(), table, rowId, rowVersion, operation, originNode, clock.instant());
        s.persist(entry);
        return entry;
    }
}
