package cn.shebao.counter.workstation.auditview;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditEvent;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.security.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.query.SelectionQuery;

/**
 * Searches the window's audit for supervisors and administrators: filtered, sorted by any column, a page at a time
 * (a count and one page per search, so a year of events never comes into memory). Clerks are refused here, not only
 * by the screen's navigation. Every search is itself audited, after it read, in the same transaction.
 */
public final class AuditSearch {

    public static final String ACTION_SEARCH = "audit.search";
    public static final int MAX_PAGE = 500;

    private final SessionFactory sessions;
    private final AuditLog audit;

    public AuditSearch(SessionFactory sessions, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    /** One recorded event as the screen shows it. */
    public record Row(long sequence, Instant occurredAt, String workstationCode, UUID actorId, String actorName, String action,
            String subjectType, String subjectId, String purpose, String detail, AuditFilter.Outcome outcome) {

        static Row of(AuditEvent e) {
            return new Row(e.getSequenceNumber(), e.getOccurredAt(), e.getWorkstationCode(), e.getActorId(), e.getActorName(),
                    e.getActionCode(), e.getSubjectType(), e.getSubjectId(), e.getPurpose(), e.getDetail(), AuditOutcomes.of(e.getActionCode()));
        }
    }

    /** One page of a search and how many events match in all. */
    public record Page(List<Row> rows, long total, int offset) {
        public Page {
            rows = List.copyOf(rows);
        }
    }

    public Page search(StaffSession staff, AuditFilter filter, AuditSort sort, boolean ascending, int offset, int limit) {
        staff.require(StaffRole.SUPERVISOR, StaffRole.ADMIN);
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("offset >= 0 and 1 <= limit <= " + MAX_PAGE);
        }
        return sessions.fromTransaction(s -> {
            Map<String, Object> parameters = new LinkedHashMap<>();
            String where = where(s, filter, parameters);
            long total = bind(s.createSelectionQuery("select count(*) from AuditEvent e" + where, Long.class), parameters).getSingleResult();
            List<Row> rows = bind(s.createSelectionQuery("from AuditEvent e" + where + " order by " + sort.expression()
                    + (ascending ? " asc" : " desc") + ", e.sequenceNumber" + (ascending ? " asc" : " desc"), AuditEvent.class), parameters)
                    .setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(Row::of).toList();
            audit.append(s, new AuditEntry(staff.userId(), staff.username(), ACTION_SEARCH,
                    filter.personId() == null ? null : "InsuredPerson", filter.personId() == null ? null : filter.personId().toString(),
                    null, filter.summary() + " sort=" + sort + (ascending ? " asc" : " desc") + " offset=" + offset));
            return new Page(rows, total, offset);
        });
    }

    /** The citizen a typed ID number names, for the filter; the number itself goes no further than this lookup. */
    public java.util.Optional<Subject> citizen(StaffSession staff, String typedIdNumber) {
        staff.require(StaffRole.SUPERVISOR, StaffRole.ADMIN);
        // An invalid number is refused with its reason, translated by the screen (InvalidCitizenIdException).
        String number = CitizenIdNumber.parse(typedIdNumber == null ? "" : typedIdNumber.strip()).value();
        return sessions.fromTransaction(s -> s.createSelectionQuery("select id from InsuredPerson where citizenIdNumber = :n", UUID.class)
                .setParameter("n", number).uniqueResultOptional().map(id -> new Subject(id, CitizenIdNumber.mask(number))));
    }

    /** A citizen chosen for the filter: the record id and the number as the screen may show it. */
    public record Subject(UUID personId, String maskedIdNumber) {
    }

    /** The staff members a supervisor can filter by: everyone this window knows, by name. */
    public List<StaffMember> staff(StaffSession staff) {
        staff.require(StaffRole.SUPERVISOR, StaffRole.ADMIN);
        return sessions.fromTransaction(s -> s.createSelectionQuery("select id, username, displayName from StaffUser order by username",
                Object[].class).getResultList().stream().map(r -> new StaffMember((UUID) r[0], (String) r[1], (String) r[2])).toList());
    }

    public record StaffMember(UUID id, String username, String displayName) {
        @Override
        public String toString() {
            return displayName + " (" + username + ")";
        }
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
