package cn.shebao.counter.workstation.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * One filtered, sorted page of audit events and their count, over a window's own chain ({@code AuditEvent}) or,
 * at central, every window's shipped chain ({@code ShippedAuditEvent}): the same filter means the same thing in
 * both places. Who may ask is the caller's business; this only reads.
 */
public final class AuditQuery {

    /** The window's own audit. */
    public static final String LOCAL = "AuditEvent";
    /** Central's copy of every window's audit. */
    public static final String SHIPPED = "ShippedAuditEvent";
    public static final int MAX_PAGE = 500;

    private AuditQuery() {
    }

    /** One recorded event as a screen shows it. */
    public record Row(long sequence, Instant occurredAt, String workstationCode, UUID actorId, String actorName, String action,
            String subjectType, String subjectId, String purpose, String detail, AuditFilter.Outcome outcome) {
    }

    /** One page and how many events match in all. */
    public record Page(List<Row> rows, long total, int offset) {
        public Page {
            rows = List.copyOf(rows);
        }
    }

    /** @param entity {@link #LOCAL} or {@link #SHIPPED} */
    public static Page run(Session s, String entity, AuditFilter filter, AuditSort sort, boolean ascending, int offset, int limit) {
        if (!entity.equals(LOCAL) && !entity.equals(SHIPPED)) {
            throw new IllegalArgumentException("not an audit entity: " + entity);
        }
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("offset >= 0 and 1 <= limit <= " + MAX_PAGE);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(s, filter, parameters);
        long total = bind(s.createSelectionQuery("select count(*) from " + entity + " e" + where, Long.class), parameters).getSingleResult();
        String direction = ascending ? " asc" : " desc";
        List<Row> rows = bind(s.createSelectionQuery("select e.sequenceNumber, e.occurredAt, e.workstationCode, e.actorId, e.actorName,"
                + " e.actionCode, e.subjectType, e.subjectId, e.purpose, e.detail from " + entity + " e" + where
                + " order by " + sort.expression() + direction + (sort == AuditSort.TIME ? "" : ", e.occurredAt" + direction)
                + ", e.sequenceNumber" + direction, Object[].class),
                parameters).setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(r -> new Row((Long) r[0], (Instant) r[1], (String) r[2], (UUID) r[3], (String) r[4], (String) r[5], (String) r[6],
                        (String) r[7], (String) r[8], (String) r[9], AuditOutcomes.of((String) r[5]))).toList();
        return new Page(rows, total, offset);
    }

    private static String where(Session s, AuditFilter f, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (f.from() != null) {
            conditions.add("e.occurredAt >= :from");
            parameters.put("from", f.from());
        }
        if (f.to() != null) {
            conditions.add("e.occurredAt < :to");
            parameters.put("to", f.to());
        }
        if (f.personId() != null) {
            // The record itself and what belongs to it: its online accounts and its drug applications.
            conditions.add("e.subjectId in (:subjects)");
            parameters.put("subjects", subjectsOf(s, f.personId()));
        }
        if (f.actorId() != null) {
            conditions.add("e.actorId = :actor");
            parameters.put("actor", f.actorId());
        }
        if (f.workstationCode() != null) {
            conditions.add("e.workstationCode = :workstation");
            parameters.put("workstation", f.workstationCode());
        }
        if (f.actionPrefix() != null) {
            conditions.add("e.actionCode like :action escape '!'");
            parameters.put("action", f.actionPrefix().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (f.purpose() != null) {
            conditions.add("e.purpose = :purpose");
            parameters.put("purpose", f.purpose());
        }
        if (f.outcome() != AuditFilter.Outcome.ANY) {
            String refused = AuditOutcomes.REFUSAL_WORDS.stream().map(w -> "lower(e.actionCode) like '%" + w + "%'")
                    .collect(Collectors.joining(" or ", "(", ")"));
            conditions.add(f.outcome() == AuditFilter.Outcome.REFUSED ? refused : "not " + refused);
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static List<String> subjectsOf(Session s, UUID personId) {
        List<String> ids = new ArrayList<>();
        ids.add(personId.toString());
        for (String entity : List.of("OnlineAccount", "SpecialDrugApplication")) {
            s.createSelectionQuery("select id from " + entity + " where personId = :p", UUID.class).setParameter("p", personId)
                    .getResultList().forEach(id -> ids.add(id.toString()));
        }
        return ids;
    }

    private static <T> SelectionQuery<T> bind(SelectionQuery<T> query, Map<String, Object> parameters) {
        parameters.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                query.setParameterList(name, list);
            } else {
                query.setParameter(name, value);
            }
        });
        return query;
    }
}
