package cn.shebao.counter.workstation.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

/** Walks the whole audit chain in sequence order and reports every edited, unlinked or missing row. */
public final class AuditVerifier {

    private final SessionFactory sessions;

    public AuditVerifier(SessionFactory sessions) {
        this.sessions = sessions;
    }

    public AuditVerification verify() {
        List<AuditVerification.Problem> problems = new ArrayList<>();
        long checked = 0;
        try (StatelessSession session = sessions.openStatelessSession()) {
            session.beginTransaction();
            AuditChainHead head = session.get(AuditChainHead.class, AuditChainHead.SINGLETON_ID);
            long expectedSequence = 1;
            String expectedPrevious = AuditChain.GENESIS_HASH;
            // A stream keeps memory flat however long the log grows.
            try (Stream<AuditEvent> events = session.createSelectionQuery(
                    "from AuditEvent order by sequenceNumber", AuditEvent.class).setFetchSize(500).getResultStream()) {
                for (AuditEvent e : (Iterable<AuditEvent>) events::iterator) {
                    checked++;
                    if (e.getSequenceNumber() != expectedSequence) {
                        problems.add(new AuditVerification.Problem(AuditVerification.Kind.MISSING, expectedSequence));
                    }
                    if (!AuditChain.hash(e).equals(e.getEntryHash())) {
                        problems.add(new AuditVerification.Problem(AuditVerification.Kind.EDITED, e.getSequenceNumber()));
                    }
                    if (!e.getPreviousHash().equals(expectedPrevious)) {
                        problems.add(new AuditVerification.Problem(AuditVerification.Kind.BROKEN_LINK, e.getSequenceNumber()));
                    }
                    expectedSequence = e.getSequenceNumber() + 1;
                    expectedPrevious = e.getEntryHash();
                }
            }
            if (head.getLastSequence() != expectedSequence - 1 || !head.getLastHash().equals(expectedPrevious)) {
                problems.add(new AuditVerification.Problem(AuditVerification.Kind.HEAD_MISMATCH, head.getLastSequence()));
            }
            session.getTransaction().commit();
        }
        return new AuditVerification(checked, problems);
    }
}
