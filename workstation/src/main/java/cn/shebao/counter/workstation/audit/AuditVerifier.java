package cn.shebao.counter.workstation.audit;

import cn.shebao.counter.workstation.wire.CountersignedHead;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

/**
 * Walks the whole audit chain in sequence order and reports every edited, unlinked or missing row, then holds the
 * chain against the head central countersigned: a chain rewritten and re-hashed from some row on verifies by
 * itself, but not against a head only the centre's key can sign.
 */
public final class AuditVerifier {

    private final SessionFactory sessions;
    private final PublicKey centre;

    public AuditVerifier(SessionFactory sessions) {
        this(sessions, null);
    }

    /** @param centre the centre's public key (its CA certificate's), to check the countersignature too; null skips that */
    public AuditVerifier(SessionFactory sessions, PublicKey centre) {
        this.sessions = sessions;
        this.centre = centre;
    }

    /** The head's sequence: how many events a whole verification checks, for its progress bar. */
    public long headSequence() {
        return sessions.fromTransaction(s -> s.find(AuditChainHead.class, AuditChainHead.SINGLETON_ID).getLastSequence());
    }

    /** The head as it stands: sequence and hash, for an export's manifest. */
    public String headDescription() {
        return sessions.fromTransaction(s -> {
            AuditChainHead h = s.find(AuditChainHead.class, AuditChainHead.SINGLETON_ID);
            return h.getLastSequence() + " " + h.getLastHash();
        });
    }

    public AuditVerification verify() {
        return verify(checked -> { });
    }

    /** @param progress told the events checked so far, every thousand (for a progress bar against the head's sequence) */
    public AuditVerification verify(LongConsumer progress) {
        List<AuditVerification.Problem> problems = new ArrayList<>();
        long checked = 0;
        try (StatelessSession session = sessions.openStatelessSession()) {
            session.beginTransaction();
            AuditChainHead head = session.get(AuditChainHead.class, AuditChainHead.SINGLETON_ID);
            // After pruning, the chain starts after the last pruned event and links to its hash (the anchor).
            long expectedSequence = head.prunedSequence() + 1;
            String expectedPrevious = head.anchorHash();
            long countersignedAt = head.countersignedSequence();
            String countersignedRowHash = null;
            String workstationCode = null;
            // A stream keeps memory flat however long the log grows.
            try (Stream<AuditEvent> events = session.createSelectionQuery(
                    "from AuditEvent order by sequenceNumber", AuditEvent.class).setFetchSize(500).getResultStream()) {
                for (AuditEvent e : (Iterable<AuditEvent>) events::iterator) {
                    checked++;
                    if (checked % 1000 == 0) {
                        progress.accept(checked);
                    }
                    if (e.getSequenceNumber() != expectedSequence) {
                        problems.add(new AuditVerification.Problem(AuditVerification.Kind.MISSING, expectedSequence));
                    }
                    if (!AuditChain.hash(e).equals(e.getEntryHash())) {
                        problems.add(new AuditVerification.Problem(AuditVerification.Kind.EDITED, e.getSequenceNumber()));
                    }
                    if (!e.getPreviousHash().equals(expectedPrevious)) {
                        problems.add(new AuditVerification.Problem(AuditVerification.Kind.BROKEN_LINK, e.getSequenceNumber()));
                    }
                    if (e.getSequenceNumber() == countersignedAt) {
                        countersignedRowHash = e.getEntryHash();
                        workstationCode = e.getWorkstationCode();
                    }
                    expectedSequence = e.getSequenceNumber() + 1;
                    expectedPrevious = e.getEntryHash();
                }
            }
            if (head.getLastSequence() != expectedSequence - 1 || !head.getLastHash().equals(expectedPrevious)) {
                problems.add(new AuditVerification.Problem(AuditVerification.Kind.HEAD_MISMATCH, head.getLastSequence()));
            }
            if (countersignedAt > 0) {
                CountersignedHead countersigned = head.countersigned(workstationCode);
                if (countersignedRowHash == null) {
                    problems.add(new AuditVerification.Problem(AuditVerification.Kind.TRUNCATED, countersignedAt));
                } else if (!countersignedRowHash.equals(countersigned.hash())) {
                    problems.add(new AuditVerification.Problem(AuditVerification.Kind.COUNTERSIGN_MISMATCH, countersignedAt));
                } else if (centre != null && !countersigned.signedBy(centre)) {
                    problems.add(new AuditVerification.Problem(AuditVerification.Kind.COUNTERSIGNATURE_INVALID, countersignedAt));
                }
            }
            session.getTransaction().commit();
        }
        return new AuditVerification(checked, problems);
    }
}
