package cn.shebao.counter.workstation.auditview;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditFilter;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.audit.AuditQuery;
import cn.shebao.counter.workstation.audit.AuditSort;
import cn.shebao.counter.workstation.audit.UnusualAccess;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.SessionFactory;

/**
 * Searches the window's audit for supervisors and administrators: filtered, sorted by any column, a page at a time
 * (a count and one page per search, so a year of events never comes into memory). Clerks are refused here, not only
 * by the screen's navigation. Every search is itself audited, after it read, in the same transaction.
 */
public final class AuditSearch {

    public static final String ACTION_SEARCH = "audit.search";
    public static final String ACTION_UNUSUAL = "audit.unusual";
    public static final int MAX_PAGE = AuditQuery.MAX_PAGE;

    private final SessionFactory sessions;
    private final AuditLog audit;
    private final CentreAudit centre;

    /** A window without a central service: its own audit only. */
    public AuditSearch(SessionFactory sessions, AuditLog audit) {
        this(sessions, audit, CentreAudit.NONE);
    }

    public AuditSearch(SessionFactory sessions, AuditLog audit, CentreAudit centre) {
        this.sessions = sessions;
        this.audit = audit;
        this.centre = centre;
    }

    /** Which audit a search reads: this window's own chain, or every window's as central holds them. */
    public enum Scope { WINDOW, CENTRE }

    public AuditQuery.Page search(StaffSession staff, Scope scope, AuditFilter filter, AuditSort sort, boolean ascending, int offset, int limit) {
        if (scope == Scope.WINDOW) {
            return search(staff, filter, sort, ascending, offset, limit);
        }
        staff.require(StaffRole.SUPERVISOR, StaffRole.ADMIN);
        // Central checks the role again as it holds it now; the window audits that it asked, once central answered.
        AuditQuery.Page page = centre.search(staff.userId(), filter, sort, ascending, offset, limit);
        audit.append(entry(staff, filter, "centre " + filter.summary() + " sort=" + sort + (ascending ? " asc" : " desc") + " offset=" + offset));
        return page;
    }

    /** Each window's chain as central verified it. */
    public List<CentreAudit.ChainState> chains(StaffSession staff) {
        staff.require(StaffRole.SUPERVISOR, StaffRole.ADMIN);
        return centre.chains(staff.userId());
    }

    /** The unusual-access report for the period, over this window's audit or every window's at central. */
    public List<UnusualAccess.Finding> unusual(StaffSession staff, Scope scope, Instant from, Instant to,
            UnusualAccess.Thresholds thresholds, ZoneId zone) {
        staff.require(StaffRole.SUPERVISOR, StaffRole.ADMIN);
        List<UnusualAccess.Finding> found = scope == Scope.WINDOW
                ? sessions.fromTransaction(s -> UnusualAccess.find(s, AuditQuery.LOCAL, from, to, thresholds, zone))
                : centre.unusual(staff.userId(), from, to, thresholds);
        audit.append(new AuditEntry(staff.userId(), staff.username(), ACTION_UNUSUAL, null, null, null,
                scope + " from=" + from + " to=" + to + " " + thresholds + " findings=" + found.size()));
        return found;
    }

    private static AuditEntry entry(StaffSession staff, AuditFilter filter, String detail) {
        return new AuditEntry(staff.userId(), staff.username(), ACTION_SEARCH, filter.personId() == null ? null : "InsuredPerson",
                filter.personId() == null ? null : filter.personId().toString(), null, detail);
    }

    public AuditQuery.Page search(StaffSession staff, AuditFilter filter, AuditSort sort, boolean ascending, int offset, int limit) {
        staff.require(StaffRole.SUPERVISOR, StaffRole.ADMIN);
        return sessions.fromTransaction(s -> {
            AuditQuery.Page page = AuditQuery.run(s, AuditQuery.LOCAL, filter, sort, ascending, offset, limit);
            audit.append(s, entry(staff, filter, filter.summary() + " sort=" + sort + (ascending ? " asc" : " desc") + " offset=" + offset));
            return page;
        });
    }

    /** The citizen a typed ID number names, for the filter; the number itself goes no further than this lookup. */
    public Optional<Subject> citizen(StaffSession staff, String typedIdNumber) {
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
}
