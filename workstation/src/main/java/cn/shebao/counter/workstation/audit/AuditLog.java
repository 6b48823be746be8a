package cn.shebao.counter.workstation.audit;

import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.sync.CommandType;
import cn.shebao.counter.workstation.sync.Outbox;
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
        // A no-op update takes the head row's write lock until commit, which serialises appenders: two
        // clerks' actions can never take the same sequence. (PESSIMISTIC_WRITE would be the obvious tool, but
        // Hibernate 7.4's DerbyDialect renders it as "for update with rs with rs", which Derby rejects.)
        Outbox ship = shipping;
        if (ship != null) {
            ship.lockCounter(em); // the outbox counter before the audit head, always: no lock-order deadlock
        }
        // Plain SQL without a table alias: Hibernate 7.4 renders this update with one, which Derby intermittently
        // refused to prepare ("column not in the FROM list").
        int locked = em.createNativeQuery("UPDATE audit_chain_head SET last_sequence = last_sequence WHERE id = ?1")
                .setParameter(1, AuditChainHead.SINGLETON_ID).executeUpdate();
        if (locked != 1) {
            throw new IllegalStateException("audit_chain_head row missing: the replica's migrations did not run");
        }
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.SINGLETON_ID);
        em.refresh(head);
        AuditEvent event;
        synchronized (ids) {
            // Millisecond precision: Derby and PostgreSQL must both store exactly what was hashed.
            event = new AuditEvent(ids.next(), head.getLastSequence() + 1,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), workstationCode, entry, head.getLastHash());
        }
        em.persist(event);
        head.advance(event);
        if (ship != null) {
            ship.append(em, CommandType.AUDIT_EVENT, AuditShipping.payload(event), entry.actorId(), entry.actorName());
        }
        return event;
    }

    /** Appends in a transaction of its own, for actions that have no other write (viewing a record). */
    public AuditEvent append(AuditEntry entry) {
        return sessions.fromTransaction(session -> append(session, entry));
    }
}
