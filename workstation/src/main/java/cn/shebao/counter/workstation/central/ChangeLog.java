package cn.shebao.counter.workstation.central;

import java.time.Clock;
import java.util.UUID;
import org.hibernate.Session;

/** Writes change-log entries inside the transaction that made the change. */
public final class ChangeLog {

    private final Clock clock;

    public ChangeLog(Clock clock) {
        this.clock = clock;
    }

    public ChangeLogEntry record(Session s, String table, UUID rowId, long rowVersion, ChangeLogEntry.Operation operation,
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
