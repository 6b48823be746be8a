package cn.shebao.counter.workstation.audit;

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

    public AuditLog(SessionFactory sessions, Clock clock, TimeOrderedIds ids, String workstationCode) {
        this.sessions = sessions;
        this.clock = clock;
        this.ids = ids;
        this.workstationCode = workstationCode;
    }

    /** Appends inside the caller's open transaction. */
    public AuditEvent append(EntityManager em, AuditEntry entry) {
        // A no-op update takes the head row's write lock until commit, which serialises appenders: two
        // clerks' actions can never take the same sequence. (PESSIMISTIC_WRITE would be the obvious tool, but
        // Hibernate 7.4's DerbyDialect renders it as "for update with rs with rs", which Derby rejects.)
        int locked = em.createQuery("update AuditChainHead set lastSequence = lastSequence where id = :id")
                .setParameter("id", AuditChainHead.SINGLETON_ID).executeUpdate();
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
        return event;
    }

    /** Appends in a transaction of its own, for actions that have no other write (viewing a record). */
    public AuditEvent append(AuditEntry entry) {
        return sessions.fromTransaction(session -> append(session, entry));
    }
}
