package cn.shebao.counter.workstation.auditview;

import cn.shebao.counter.workstation.audit.AuditEvent;
import cn.shebao.counter.workstation.citizen.RecordAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.SessionFactory;

/**
 * What the citizen's access statement lists: every opening and printing of their record in the last twelve months,
 * at every window (from central) and at this one (from its own audit, which also holds what it has not shipped
 * yet). Without central the statement is refused: it would miss the other windows.
 */
public final class AccessStatements {

    /** The actions a statement lists: the record opened, a document printed or reprinted, a terminal's read. */
    static final List<String> LISTED = List.of("citizen.record.open", "document.issued", "document.reprinted");

    private final SessionFactory sessions;
    private final AccessHistory central;
    private final Clock clock;
    private final String workstationCode;

    public AccessStatements(SessionFactory sessions, AccessHistory central, Clock clock, String workstationCode) {
        this.sessions = sessions;
        this.central = central;
        this.clock = clock;
        this.workstationCode = workstationCode;
    }

    /** The period a statement covers: the twelve months up to now. */
    public Instant periodStart() {
        return ZonedDateTime.now(clock).minusMonths(12).toInstant();
    }

    /** Oldest first; this window's rows as its own audit holds them, the others' as central received them. */
    public List<AccessHistory.Access> lastTwelveMonths(RecordAccess access) {
        Instant since = periodStart();
        Map<String, AccessHistory.Access> byEvent = new LinkedHashMap<>();
        for (AccessHistory.Access a : central.since(access, since)) {
            byEvent.put(a.sequence() < 0 ? "terminal " + byEvent.size() : a.workstationCode() + " " + a.sequence(), a);
        }
        List<AuditEvent> local = sessions.fromTransaction(s -> s.createSelectionQuery("from AuditEvent where subjectType = 'InsuredPerson'"
                + " and subjectId = :p and occurredAt >= :since and actionCode in (:actions) order by sequenceNumber", AuditEvent.class)
                .setParameter("p", access.personId().toString()).setParameter("since", since).setParameterList("actions", LISTED)
                .getResultList());
        Map<UUID, String> names = local.isEmpty() ? Map.of() : sessions.fromTransaction(s -> s.createSelectionQuery(
                "select id, displayName from StaffUser where id in (:ids)", Object[].class)
                .setParameterList("ids", local.stream().map(AuditEvent::getActorId).filter(Objects::nonNull).distinct().toList())
                .getResultList().stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (String) r[1])));
        for (AuditEvent e : local) {
            String key = workstationCode + " " + e.getSequenceNumber();
            AccessHistory.Access known = byEvent.get(key);
            byEvent.put(key, new AccessHistory.Access(e.getOccurredAt(), e.getWorkstationCode(), e.getSequenceNumber(),
                    known == null ? null : known.site(), e.getActorId() == null ? null : names.get(e.getActorId()), e.getActorName(), e.getPurpose(),
                    e.getActionCode(), e.getDetail()));
        }
        return byEvent.values().stream().sorted(Comparator.comparing(AccessHistory.Access::at)).toList();
    }
}
