package cn.shebao.counter.workstation.command;

import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.wire.CommandSignatures;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.hibernate.Session;
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
    private final Map<CommandType, BiConsumer<Session, OutboxCommand>> compensations = new ConcurrentHashMap<>();

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
        return append(em, type, payload, subjectTable, subjectId, actorId, actorName, null);
    }

    /**
     * Appends a command signed by a person (a supervisor's decision, a co-sign): the signature covers the command's
     * id, which is only known here, so the signing happens here too. A null signer appends an unsigned command.
     */
    public OutboxCommand append(EntityManager em, CommandType type, String payload, String subjectTable, UUID subjectId,
            UUID actorId, String actorName, CommandSigner signer) {
        lockCounter(em);
        OutboxCounter counter = em.find(OutboxCounter.class, OutboxCounter.SINGLETON_ID);
        em.refresh(counter);
        UUID commandId;
        synchronized (ids) {
            commandId = ids.next();
        }
        OutboxCommand command = new OutboxCommand(counter.next(), commandId, type, payload, subjectTable, subjectId, actorId,
                actorName, clock.instant());
        if (signer != null) {
            command.sign(signer.signerId(), CommandSignatures.sign(signer.key(), commandId, type.name(), payload));
        }
        em.persist(command);
        return command;
    }

    /**
     * Takes the counter's write lock until commit (a no-op update: see AuditLog for why not PESSIMISTIC_WRITE).
     * Every writer takes this lock before the audit head's, so the two can never deadlock.
     */
    public void lockCounter(EntityManager em) {
        em.createNativeQuery("UPDATE outbox_counter SET last_sequence = last_sequence WHERE id = ?1")
                .setParameter(1, OutboxCounter.SINGLETON_ID).executeUpdate(); // plain SQL: see AuditLog
    }

    /** The oldest pending commands, in sequence order. */
    public List<OutboxCommand> pending(int max) {
        return sessions.fromTransaction(s -> s.createSelectionQuery(
                "from OutboxCommand where state = :p order by sequenceNumber", OutboxCommand.class)
                .setParameter("p", OutboxState.PENDING).setMaxResults(max).getResultList());
    }

    /** When the oldest waiting command was queued; null when the queue is empty. */
    public Instant oldestPendingAt() {
        return sessions.fromTransaction(s -> s.createSelectionQuery(
                "select min(createdAt) from OutboxCommand where state = :p", Instant.class)
                .setParameter("p", OutboxState.PENDING).getSingleResult());
    }

    public long pendingCount() {
        return sessions.fromTransaction(s -> s.createSelectionQuery(
                "select count(*) from OutboxCommand where state = :p", Long.class)
                .setParameter("p", OutboxState.PENDING).getSingleResult());
    }

    /**
     * What a feature undoes locally when central refuses one of its commands as a conflict, in the transaction
     * that records the answer: a credential central refused must leave this replica before the next pull brings
     * the account that won (which may share its username and would otherwise be refused by the replica).
     */
    public void compensateConflicts(CommandType type, BiConsumer<Session, OutboxCommand> compensation) {
        compensations.put(type, compensation);
    }

    /** Central's answer to one command. */
    public record Answer(long sequence, OutboxState outcome, String code, String detail) {
    }

    /** Records central's answer for one command. */
    public void acknowledge(long sequence, OutboxState outcome, String code, String detail) {
        acknowledgeAll(List.of(new Answer(sequence, outcome, code, detail)));
    }

    /** Records central's answers in one local transaction, with the conflict compensations. */
    public void acknowledgeAll(List<Answer> answers) {
        if (answers.isEmpty()) {
            return;
        }
        sessions.inTransaction(s -> {
            for (Answer a : answers) {
                OutboxCommand command = s.find(OutboxCommand.class, a.sequence());
                command.acknowledge(a.outcome(), a.code(), a.detail(), clock.instant());
                BiConsumer<Session, OutboxCommand> compensation = compensations.get(command.getCommandType());
                if (a.outcome() == OutboxState.CONFLICT && compensation != null) {
                    compensation.accept(s, command);
                }
            }
        });
    }
}
