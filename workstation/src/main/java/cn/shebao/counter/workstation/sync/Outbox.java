package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.store.TimeOrderedIds;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;

/**
 * The workstation's queue of commands for central. {@link #append} joins the caller's transaction, so a
 * command exists exactly when its local change was committed; the sequence comes from a counter row
 * updated in that transaction, so it is gap-free (a rollback returns the number, unlike a sequence).
 */
public final class Outbox {

    private final SessionFactory sessions;
    private final Clock clock;
    private final TimeOrderedIds ids;

    public Outbox(SessionFactory sessions, Clock clock, TimeOrderedIds ids) {
        this.sessions = sessions;
        this.clock = clock;
        this.ids = ids;
    }

    public OutboxCommand append(EntityManager em, CommandType type, String payload, UUID actorId, String actorName) {
        return append(em, type, payload, null, null, actorId, actorName);
    }

    /** Appends a command that changes one replicated row, named by its table and id. */
    public OutboxCommand append(EntityManager em, CommandType type, String payload, String subjectTable, UUID subjectId,
            UUID actorId, String actorName) {
        // The no-op update takes the counter's write lock until commit (see AuditLog for why not PESSIMISTIC_WRITE).
        em.createQuery("update OutboxCounter set lastSequence = lastSequence where id = :id")
                .setParameter("id", OutboxCounter.SINGLETON_ID).executeUpdate();
        OutboxCounter counter = em.find(OutboxCounter.class, OutboxCounter.SINGLETON_ID);
        em.refresh(counter);
        UUID commandId;
        synchronized (ids) {
            commandId = ids.next();
        }
        OutboxCommand command = new OutboxCommand(counter.next(), commandId, type, payload, subjectTable, subjectId, actorId,
                actorName, clock.instant());
        em.persist(command);
        return command;
    }

    /** The oldest pending commands, in sequence order. */
    public List<OutboxCommand> pending(int max) {
        return sessions.fromTransaction(s -> s.createSelectionQuery(
                "from OutboxCommand where state = :p order by sequenceNumber", OutboxCommand.class)
                .setParameter("p", OutboxState.PENDING).setMaxResults(max).getResultList());
    }

    public long pendingCount() {
        return sessions.fromTransaction(s -> s.createSelectionQuery(
                "select count(*) from OutboxCommand where state = :p", Long.class)
                .setParameter("p", OutboxState.PENDING).getSingleResult());
    }

    /** Records central's answer for one command. */
    public void acknowledge(long sequence, OutboxState outcome, String code, String detail) {
        sessions.inTransaction(s -> s.find(OutboxCommand.class, sequence).acknowledge(outcome, code, detail, clock.instant()));
    }
}
