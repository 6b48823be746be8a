package cn.shebao.counter.workstation.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

/**
 * A large, chain-valid audit for search tests and benchmarks, written in JDBC batches after the chain's head (the
 * same hashes and links as {@link AuditLog} writes, without its one-row-at-a-time head update). Deterministic from
 * the seed; the events are returned so a test can work out its expectations on its own.
 */
public final class GeneratedAudit {

    /** What was generated, as the test needs it to compute what a search must find. */
    public record Event(long sequence, Instant at, String workstation, UUID actorId, String actorName, String action,
            String subjectType, String subjectId, String purpose) {
    }

    private static final String[] ACTIONS = {"citizen.record.open", "citizen.record.view", "citizen.record.view", "document.issued",
        "identity.card.confirmed", "identity.manual.refused", "login.success", "login.wrongPassword", "credential.issued"};
    private static final String[] PURPOSES = {"CARD_PRESENTED", "WINDOW_WITH_ID", "TELEPHONE_ENQUIRY", "INTERNAL_REVIEW"};

    private GeneratedAudit() {
    }

    /**
     * @param staff ids and names of the actors, chosen at random per event
     * @param people record ids the citizen events are about
     * @param every time between consecutive events
     */
    public static List<Event> append(SessionFactory sessions, int n, long seed, List<UUID> staffIds, List<String> staffNames,
            List<UUID> people, Instant start, java.time.Duration every) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Event> written = new ArrayList<>(n);
        long[] sequence = new long[1];
        String[] previous = new String[1];
        sessions.inTransaction(s -> {
            AuditChainHead head = s.find(AuditChainHead.class, AuditChainHead.SINGLETON_ID);
            sequence[0] = head.getLastSequence();
            previous[0] = head.getLastHash();
        });
        cn.shebao.counter.workstation.store.TimeOrderedIds ids = new cn.shebao.counter.workstation.store.TimeOrderedIds(
                java.time.Clock.fixed(start, java.time.ZoneOffset.UTC), new SplittableRandom(seed ^ 0xA0D17L));
        int batch = 2000;
        for (int done = 0; done < n; done += batch) {
            List<Object> rows = new ArrayList<>(batch);
            for (int i = done; i < Math.min(n, done + batch); i++) {
                int who = r.nextInt(staffIds.size());
                String action = ACTIONS[r.nextInt(ACTIONS.length)];
                boolean citizen = !action.startsWith("login");
                String subjectType = citizen ? "InsuredPerson" : "StaffUser";
                String subjectId = citizen ? people.get(r.nextInt(people.size())).toString() : staffIds.get(who).toString();
                String purpose = citizen ? PURPOSES[r.nextInt(PURPOSES.length)] : null;
                String workstation = "WIN-0" + (1 + r.nextInt(3));
                Instant at = start.plus(every.multipliedBy(i));
                AuditEvent e = new AuditEvent(ids.next(), ++sequence[0], at, workstation,
                        new AuditEntry(staffIds.get(who), staffNames.get(who), action, subjectType, subjectId, purpose, "generated " + i),
                        previous[0]);
                previous[0] = e.getEntryHash();
                rows.add(e);
                written.add(new Event(e.getSequenceNumber(), at, workstation, staffIds.get(who), staffNames.get(who), action,
                        subjectType, subjectId, purpose));
            }
            try (StatelessSession st = sessions.openStatelessSession()) {
                st.setJdbcBatchSize(500);
                st.beginTransaction();
                st.insertMultiple(rows);
                st.getTransaction().commit();
            }
        }
        sessions.inTransaction(s -> s.createNativeQuery("UPDATE audit_chain_head SET last_sequence = ?1, last_hash = ?2 WHERE id = ?3")
                .setParameter(1, sequence[0]).setParameter(2, previous[0]).setParameter(3, AuditChainHead.SINGLETON_ID).executeUpdate());
        return written;
    }
}
