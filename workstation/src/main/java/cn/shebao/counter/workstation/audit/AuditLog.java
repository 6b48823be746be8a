package cn.shebao.counter.workstation.audit;

import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.hibernate.SessionFactory;

/**
 * Appends to the audit chain. {@link #append(EntityManager, AuditEntry)} joins the caller's transaction so
 * an action and its audit row commit or roll back together; nothing is audited that did not happen.
 */
public final class AuditLog {

    private final SessionFactory sessions;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final String workstationCode;
    private volatile Outbox shipping;

    public AuditLog(SessionFactory sessions, Clock clock, TimeOrderedIds ids, String workstationCode) {
        this.sessions = sessions;
        this.clock = clock;
        this.ids = ids;
        this.workstationCode = workstationCode;
    }

    /**
     * Ships every row appended from now on to central through the outbox, in the same transaction as the row,
     * so central holds each workstation's chain exactly as it was written (AUDIT_EVENT commands).
     */
    public AuditLog shipTo(Outbox outbox) {
        this.shipping = outbox;
        return this;
    }

    /** Appends inside the caller's open transaction. */
    public AuditEvent append(EntityManager em, AuditEntry entry) {
        // The head row's write lock until commit serialises appenders: two clerks' actions never take the same sequence.
        Outbox ship = shipping;
        if (ship != null) {
            ship.lockCounter(em); // the outbox counter before the audit head, always: no lock-order deadlock
        }
        AuditChainHead head = AuditChainHead.locked(em);
        AuditEvent event;
        synchronized (ids) {
            // Millisecond precision: Derby and PostgreSQL must both store exactly what was hashed.
            event = new AuditEvent(ids.next(), head.getLastSequence() + 1,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), workstationCode, entry, head.getLastHash());
        }
        em.persist(event);
        head.advance(event);
        if (ship != null) {
            ship.append(em, CommandType.AUDIT_EVENT, AuditPayload.of(event), entry.actorId(), entry.actorName());
        }
        return event;
    }

    /** Appends in a transaction of its own, for actions that have no other write (viewing a record). */
    public AuditEvent append(AuditEntry entry) {
        return sessions.fromTransaction(session -> append(session, entry));
    }
}
