package cn.shebao.counter.workstation.central;

import cn.shebao.counter.workstation.command.ChangeLog;
import cn.shebao.counter.workstation.command.ChangeLogEntry;
import cn.shebao.counter.workstation.command.CommandHandler;
import cn.shebao.counter.workstation.command.SyncConflict;
import cn.shebao.counter.workstation.schema.ReplicatedTables;
import cn.shebao.counter.workstation.store.DomainEntity;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.wire.ApplyResult;
import cn.shebao.counter.workstation.wire.CentralUnavailableException;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import cn.shebao.counter.workstation.wire.CommandSink;
import cn.shebao.counter.workstation.wire.Payloads;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a workstation's commands centrally, one command per central transaction, exactly once and in
 * order: the node's last applied sequence is locked and checked, a repeat returns the stored result, a
 * gap is refused, and a business conflict is recorded and acknowledged so the queue never wedges.
 */
public final class CommandApplier implements CommandSink {

    private static final Logger LOG = LoggerFactory.getLogger(CommandApplier.class);
    /**
     * Test only: a deliberately broken applier that forgets which commands it has applied, so the fault soak can show
     * its checker finds what such a bug does (ShortSoakTest). Never set it anywhere else; the service says so loudly.
     */
    private static final boolean BROKEN_SKIP_DUPLICATE_CHECK = Boolean.getBoolean("shebao.test.applier.skipDuplicateCheck");

    /** Conflict kind of a command whose payload could not be read or applied. */
    public static final String MALFORMED = "MALFORMED_COMMAND";
    /** Conflict kind of a command the database's own constraints refused. */
    public static final String CONSTRAINT = "CONSTRAINT_VIOLATED";
    /** How many commands of a batch share one central transaction. */
    static final int TOGETHER = 100;

    private final SessionFactory central;
    private final Map<String, CommandHandler> handlers;
    private final ChangeLog changes;
    private final Clock clock;
    private final TimeOrderedIds ids;

    public CommandApplier(SessionFactory central, Map<String, CommandHandler> handlers, Clock clock, TimeOrderedIds ids) {
        this.central = central;
        this.handlers = Map.copyOf(handlers);
        this.changes = new ChangeLog(clock);
        this.clock = clock;
        this.ids = ids;
        if (BROKEN_SKIP_DUPLICATE_CHECK) {
            LOG.error("TEST BUILD: the duplicate check is switched off (shebao.test.applier.skipDuplicateCheck); this central is broken on purpose");
        }
    }

    public void register(String nodeCode) {
        central.inTransaction(s -> {
            if (s.find(SyncNode.class, nodeCode) == null) {
                s.persist(new SyncNode(nodeCode, clock.instant()));
            }
        });
    }

    /**
     * Applies a batch in order, stopping after the first command that is not acknowledged. Up to
     * {@value #TOGETHER} commands are tried in one central transaction (a business conflict is an answer, not a
     * failure, so it commits with the rest): one commit per hundred commands instead of one each is what makes a
     * long queue drain fast, and exactly-once holds because the answers and the node's sequence commit together. If
     * any command of such a group throws, the group's transaction is rolled back whole and the group is applied again
     * one transaction per command, which tells a malformed command from a transient failure; a failure part-way then
     * reports the answers of the commands already committed.
     */
    @Override
    public List<ApplyResult> push(List<CommandEnvelope> commands) {
        List<ApplyResult> results = new ArrayList<>(commands.size());
        for (int from = 0; from < commands.size(); from += TOGETHER) {
            List<CommandEnvelope> group = commands.subList(from, Math.min(commands.size(), from + TOGETHER));
            List<ApplyResult> answered = group.size() > 1 ? tryTogether(group) : null;
            if (answered == null) {
                try {
                    answered = applyOneByOne(group);
                } catch (CentralUnavailableException partial) {
                    List<ApplyResult> all = new ArrayList<>(results);
                    all.addAll(partial.applied());
                    throw new CentralUnavailableException(partial.getMessage(), partial.getCause(), all);
                }
            }
            results.addAll(answered);
            if (answered.size() < group.size() || !answered.get(answered.size() - 1).status().acknowledged()) {
                break;
            }
        }
        return results;
    }

    /** The group in one transaction, or null when one of its commands threw (nothing of it was committed). */
    private List<ApplyResult> tryTogether(List<CommandEnvelope> group) {
        try {
            return applyTogether(group);
        } catch (RuntimeException oneCommandFailed) {
            LOG.debug("A group of node {} did not apply in one transaction ({}); applying it command by command",
                    group.get(0).nodeCode(), oneCommandFailed.getClass().getSimpleName());
            return null;
        }
    }

    private List<ApplyResult> applyTogether(List<CommandEnvelope> commands) {
        return central.fromTransaction(s -> {
            List<ApplyResult> results = new ArrayList<>(commands.size());
            ChangeLog transaction = changes.deferred();
            // One look for answers already given to any command of the group (a retry after a lost answer), instead
            // of one query per command; the node row is locked by the first command and stays locked to the commit.
            Map<Long, AppliedCommand> earlier = new HashMap<>();
            s.createSelectionQuery("from AppliedCommand where nodeCode = :n and sequenceNumber between :from and :to",
                    AppliedCommand.class).setParameter("n", commands.get(0).nodeCode())
                    .setParameter("from", commands.get(0).sequence()).setParameter("to", commands.get(commands.size() - 1).sequence())
                    .getResultList().forEach(a -> earlier.put(a.getSequenceNumber(), a));
            SyncNode node = null;
            for (CommandEnvelope c : commands) {
                if (!c.nodeCode().equals(commands.get(0).nodeCode())) {
                    throw new IllegalArgumentException("a batch holds the commands of one node");
                }
                if (node == null) {
                    node = lockedNode(s, c.nodeCode());
                    if (node == null) {
                        results.add(new ApplyResult(ApplyResult.Status.REFUSED_UNKNOWN_NODE, c.nodeCode()));
                        break;
                    }
                }
                ApplyResult r = applyLocked(s, transaction, node, earlier.get(c.sequence()), c, null, null);
                results.add(r);
                if (!r.status().acknowledged()) {
                    break;
                }
            }
            transaction.flush(s); // last: the shared counter lock is held only for the commit that follows
            return results;
        });
    }

    private List<ApplyResult> applyOneByOne(List<CommandEnvelope> commands) {
        List<ApplyResult> results = new ArrayList<>(commands.size());
        for (CommandEnvelope c : commands) {
            ApplyResult r;
            try {
                r = apply(c);
            } catch (RuntimeException transientFailure) {
                throw new CentralUnavailableException("central could not apply command " + c.sequence() + ": " + transientFailure,
                        transientFailure, results);
            }
            results.add(r);
            if (!r.status().acknowledged()) {
                break;
            }
        }
        return results;
    }

    public ApplyResult apply(CommandEnvelope c) {
        try {
            try {
                return apply(c, null, null);
            } catch (IllegalArgumentException | ClassCastException | NullPointerException | DateTimeException first) {
                // A connection closed under Hibernate by a network fault can surface as one of these too: only a
                // command that fails the same way again, at once, is taken for malformed.
                return apply(c, null, null);
            }
        } catch (IllegalArgumentException | ClassCastException | NullPointerException | DateTimeException malformed) {
            // A payload that cannot be read or applied will never succeed on a retry: its transaction is rolled
            // back whole, and the command becomes a conflict (a dead letter supervisors and IT see) so the node's
            // queue moves on instead of wedging forever.
            // Logged for IT without the exception's message, which may quote the payload (personal data).
            LOG.warn("Command {} of node {} ({}) cannot be applied and becomes a conflict: {} at {}", c.sequence(), c.nodeCode(),
                    c.commandType(), malformed.getClass().getName(), malformed.getStackTrace().length == 0 ? "?" : malformed.getStackTrace()[0]);
            return apply(c, MALFORMED, "the command could not be read or applied: " + malformed.getClass().getSimpleName());
        } catch (RuntimeException failure) {
            ConstraintViolationException unique = constraintViolation(failure);
            if (unique == null) {
                throw failure; // transient: the database or the connection failed; the workstation retries later
            }
            // The database's own rule (one live account per citizen, unique usernames) caught what the handler's
            // check did not: a business conflict like any other, never a transient error retried forever.
            LOG.warn("Command {} of node {} ({}) broke the database constraint {} and becomes a conflict", c.sequence(), c.nodeCode(),
                    c.commandType(), unique.getConstraintName());
            return apply(c, CONSTRAINT, unique.getConstraintName());
        }
    }

    private static ConstraintViolationException constraintViolation(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException v) {
                return v;
            }
        }
        return null;
    }

    private ApplyResult apply(CommandEnvelope c, String forcedConflict, String forcedDetail) {
        return central.fromTransaction(s -> {
            ChangeLog transaction = changes.deferred();
            ApplyResult result = applyIn(s, transaction, c, forcedConflict, forcedDetail);
            transaction.flush(s); // last: the shared counter lock is held only for the commit that follows
            return result;
        });
    }

    /** One command inside the caller's transaction; its change-log entries wait in {@code transaction} for the commit. */
    private ApplyResult applyIn(Session s, ChangeLog transaction, CommandEnvelope c, String forcedConflict,
            String forcedDetail) {
        SyncNode node = lockedNode(s, c.nodeCode());
        if (node == null) {
            return new ApplyResult(ApplyResult.Status.REFUSED_UNKNOWN_NODE, c.nodeCode());
        }
        AppliedCommand earlier = s.createSelectionQuery(
                "from AppliedCommand where nodeCode = :n and sequenceNumber = :q", AppliedCommand.class)
                .setParameter("n", c.nodeCode()).setParameter("q", c.sequence()).uniqueResult();
        return applyLocked(s, transaction, node, earlier, c, forcedConflict, forcedDetail);
    }

    /**
     * Locks the node row (two pushes of one node, a restarted workstation, are serialised here) and reads it as it
     * is now; null for a node central does not know.
     */
    private static SyncNode lockedNode(Session s, String nodeCode) {
        int locked = s.createNativeMutationQuery(
                "UPDATE sync_node SET last_applied_sequence = last_applied_sequence WHERE node_code = ?1")
                .setParameter(1, nodeCode).executeUpdate(); // plain SQL: see AuditLog
        if (locked == 0) {
            return null;
        }
        SyncNode node = s.find(SyncNode.class, nodeCode);
        s.refresh(node);
        return node;
    }

    /** One command of a node whose row this transaction holds locked; {@code earlier} is the answer already given to its sequence. */
    private ApplyResult applyLocked(Session s, ChangeLog transaction, SyncNode node, AppliedCommand earlier,
            CommandEnvelope c, String forcedConflict, String forcedDetail) {
        if (earlier != null && !BROKEN_SKIP_DUPLICATE_CHECK) {
            if (!earlier.getCommandId().equals(c.commandId())) {
                return new ApplyResult(ApplyResult.Status.REFUSED_SEQUENCE_REUSED, "sequence " + c.sequence());
            }
            boolean conflict = ApplyResult.Status.CONFLICT.name().equals(earlier.getResultCode());
            // The first answer was lost, and the row's changes meanwhile were skipped at the workstation: send it again.
            resend(s, transaction, c);
            return new ApplyResult(conflict ? ApplyResult.Status.DUPLICATE_CONFLICT : ApplyResult.Status.DUPLICATE_APPLIED,
                    earlier.getResultDetail());
        }
        if (c.sequence() != node.getLastAppliedSequence() + 1) {
            return new ApplyResult(ApplyResult.Status.REFUSED_GAP,
                    "expected " + (node.getLastAppliedSequence() + 1) + ", got " + c.sequence());
        }
        CommandHandler handler = handlers.get(c.commandType());
        if (handler == null) {
            // A newer workstation than this central: wait for the upgrade rather than drop the command.
            return new ApplyResult(ApplyResult.Status.REFUSED_UNKNOWN_COMMAND, c.commandType());
        }
        Long before = subjectVersion(s, c);
        CommandHandler.HandlerOutcome outcome = forcedConflict != null
                ? CommandHandler.HandlerOutcome.conflict(forcedConflict, forcedDetail)
                : handler.apply(s, c, transaction);
        ApplyResult.Status status = outcome.applied() ? ApplyResult.Status.APPLIED : ApplyResult.Status.CONFLICT;
        if (!outcome.applied()) {
            UUID conflictId;
            synchronized (ids) {
                conflictId = ids.next();
            }
            SyncConflict conflict = new SyncConflict(conflictId, c.nodeCode(), c.commandId(), c.commandType(),
                    personOf(c.payload()), outcome.conflictKind(), outcome.detail(), clock.instant());
            s.persist(conflict);
            s.flush();
            transaction.record(s, "sync_conflict", conflictId, conflict.getRowVersion(), ChangeLogEntry.Operation.UPSERT, c.nodeCode());
        }
        s.persist(new AppliedCommand(c.nodeCode(), c.sequence(), c.commandId(), c.commandType(), status.name(),
                outcome.applied() ? null : outcome.conflictKind(), clock.instant(), c.signedBy(), c.signature()));
        node.advanceTo(c.sequence());
        s.flush();
        Long after = subjectVersion(s, c);
        if (after != null && after.equals(before)) {
            // Central's row stayed as it was (a conflict, a concurring decision, a second resolution): the workstation
            // changed its copy optimistically, which raised its version too, and skipped central's changes while the
            // command waited; it gets central's row again. A row the command did change was logged by its handler.
            resend(s, transaction, c);
        }
        return new ApplyResult(status, outcome.applied() ? null : outcome.conflictKind());
    }

    /** The version central holds of the row the command changed at the workstation, or null (none named, not replicated, absent). */
    private static Long subjectVersion(Session s, CommandEnvelope c) {
        return subject(s, c).map(e -> ((DomainEntity) e).getRowVersion()).orElse(null);
    }

    private static Optional<Object> subject(Session s, CommandEnvelope c) {
        if (c.subjectId() == null) {
            return Optional.empty();
        }
        // Only the replicated entities: a workstation's own table, or a forged name, names nothing here.
        return ReplicatedTables.entityOf(c.subjectTable())
                .filter(DomainEntity.class::isAssignableFrom)
                .map(type -> (Object) s.find(type, c.subjectId()));
    }

    /**
     * Sends central's row of the command's subject to every window once more: its version forced one up (the content
     * unchanged), because a window's optimistic change may have raised its own copy to the very version central holds,
     * and a pull skips a row whose version it already has.
     */
    private static void resend(Session s, ChangeLog transaction, CommandEnvelope c) {
        subject(s, c).ifPresent(row -> {
            s.lock(row, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            s.flush();
            long version = ((DomainEntity) row).getRowVersion();
            transaction.record(s, c.subjectTable().toLowerCase(Locale.ROOT), c.subjectId(), version,
                    ChangeLogEntry.Operation.UPSERT, c.nodeCode());
        });
    }

    /** The citizen a command concerns, when its payload names one, so the conflict can be shown beside the record. */
    private static UUID personOf(String payload) {
        try {
            Object person = Payloads.read(payload).get("personId");
            return person instanceof String p ? UUID.fromString(p) : null;
        } catch (IllegalArgumentException notJsonOrNotAnId) {
            return null;
        }
    }
}
