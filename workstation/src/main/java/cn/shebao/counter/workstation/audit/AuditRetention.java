package cn.shebao.counter.workstation.audit;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import org.hibernate.SessionFactory;

/**
 * Removes old audit events from the replica once central holds them: older than the retention period (at least six
 * months, the Cybersecurity Law's minimum for logs), and before the newest head central countersigned, so each was
 * shipped, verified at central and is kept there as long as the centre's policy says. The last removed event's
 * sequence and hash stay in the head as the anchor: the remaining chain still verifies from it up to the countersigned
 * head, which only the centre's key can sign. The countersigned row itself always stays.
 */
public final class AuditRetention {

    /** The shortest period the law allows. */
    public static final Period MINIMUM = Period.ofMonths(6);
    private static final int BATCH = 1000;

    /** What a pruning did: how many events left the replica, and up to which sequence. */
    public record Pruned(long events, long upToSequence) {
    }

    private final SessionFactory sessions;
    private final Clock clock;
    private final Period retention;

    public AuditRetention(SessionFactory sessions, Clock clock, Period retention) {
        if (retention.toTotalMonths() < MINIMUM.toTotalMonths()) {
            throw new LocalizedException("audit.retention.tooShort", MINIMUM.toTotalMonths());
        }
        this.sessions = sessions;
        this.clock = clock;
        this.retention = retention;
    }

    /** Prunes in batches, each with the head's anchor moved in the same transaction (a crash leaves a verifiable chain). */
    public Pruned prune() {
        Instant cutoff = ZonedDateTime.now(clock).minus(retention).toInstant();
        long removed = 0;
        long upTo = 0;
        while (true) {
            long[] batch = sessions.fromTransaction(s -> {
                AuditChainHead head = AuditChainHead.locked(s); // the appenders' lock: one writer of the head
                long countersigned = head.countersignedSequence();
                List<AuditEvent> old = s.createSelectionQuery("from AuditEvent where sequenceNumber < :countersigned and occurredAt < :cutoff"
                        + " order by sequenceNumber", AuditEvent.class).setParameter("countersigned", countersigned)
                        .setParameter("cutoff", cutoff).setMaxResults(BATCH).getResultList();
                if (old.isEmpty()) {
                    return new long[] {0, head.prunedSequence()};
                }
                // Only a contiguous run from the anchor: a gap would leave a link no one could check.
                long next = head.prunedSequence() + 1;
                AuditEvent last = null;
                for (AuditEvent e : old) {
                    if (e.getSequenceNumber() != next) {
                        break;
                    }
                    last = e;
                    next++;
                }
                if (last == null) {
                    return new long[] {0, head.prunedSequence()};
                }
                int n = s.createMutationQuery("delete from AuditEvent where sequenceNumber <= :last and sequenceNumber > :anchor")
                        .setParameter("last", last.getSequenceNumber()).setParameter("anchor", head.prunedSequence()).executeUpdate();
                head.pruned(last.getSequenceNumber(), last.getEntryHash());
                return new long[] {n, last.getSequenceNumber()};
            });
            removed += batch[0];
            upTo = batch[1];
            if (batch[0] < BATCH) {
                return new Pruned(removed, upTo);
            }
        }
    }
}
