package cn.shebao.counter.workstation.central;

import cn.shebao.counter.workstation.audit.StaffSurname;
import cn.shebao.counter.workstation.citizen.AccessPurpose;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffUser;
import cn.shebao.counter.workstation.store.SqlFlavour;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.wire.RowValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hibernate.SessionFactory;

/**
 * One person's record read at central, for a machine that does not hold it: the counter's months older than its
 * replica's window, and (for the self-service terminals, which hold no replica) the whole record. Who may read is
 * decided here, from what central holds now: a counter reads for an active clerk or supervisor and a purpose the
 * counter names; a terminal reads only the record whose ID number and name the card in it gave, never by id. Every
 * read is recorded in {@code record_read} in the transaction that read it: nothing leaves that was not recorded.
 */
public final class PersonRecords {

    private static final List<String> ACCESS_COLUMNS = List.of("occurred_at", "workstation_code", "sequence_number", "action_code",
            "purpose", "detail", "display_name", "username", "site");

    /** What an access-history read is recorded as in {@code record_read}. */
    public static final String ACCESS_HISTORY = "access_history";

    /** A terminal reads for this purpose only: the citizen looking at their own record. */
    public static final String SELF_SERVICE = "SELF_SERVICE";

    /** The tables a record is made of, each read by its person column; the archive of older months among them. */
    public static final List<String> PERSON_TABLES = List.of("insured_person", "insurance_participation", "contribution",
            "contribution_archive", "pension_payment", "benefit_adjustment", "medical_reimbursement", "work_injury_claim",
            "maternity_benefit", "specified_disease_registration", "special_drug_application");
    private static final Set<StaffRole> READERS = Set.of(StaffRole.CLERK, StaffRole.SUPERVISOR);

    /** Why a read was refused: a code the caller's message bundle translates. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final boolean notFound;

        Refused(String code, boolean notFound) {
            super(code);
            this.code = code;
            this.notFound = notFound;
        }

        public String code() {
            return code;
        }

        /** No such record (or not this name): answered alike so a terminal cannot tell which. */
        public boolean notFound() {
            return notFound;
        }
    }

    private final SessionFactory central;
    private final SqlFlavour flavour;
    private final Clock clock;
    private final TimeOrderedIds ids;

    public PersonRecords(SessionFactory central, SqlFlavour flavour, Clock clock, TimeOrderedIds ids) {
        this.central = central;
        this.flavour = flavour;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * For a counter: the staff member it names must be an active clerk or supervisor at central now.
     *
     * @return rows by table, the requested tables only
     */
    public Map<String, List<Map<String, Object>>> forCounter(String nodeCode, UUID staffId, UUID personId, String purpose,
            Collection<String> tables) throws Refused {
        Set<String> wanted = checkedTables(tables);
        return counter(nodeCode, staffId, personId, purpose, String.join(",", wanted), (c, person) -> tablesOf(c, person, wanted));
    }

    /** For a counter: who viewed or printed the record since {@code since}, at every window and terminal. */
    public List<Map<String, Object>> accessHistoryForCounter(String nodeCode, UUID staffId, UUID personId, String purpose,
            Instant since) throws Refused {
        return counter(nodeCode, staffId, personId, purpose, ACCESS_HISTORY, (c, person) -> Map.of(ACCESS_HISTORY,
                accessHistory(c, person, since))).get(ACCESS_HISTORY);
    }

    /** For a self-service terminal: the card holder's own access history. */
    public List<Map<String, Object>> accessHistoryForTerminal(String nodeCode, String citizenIdNumber, String name,
            Instant since) throws Refused {
        // A public machine gets the staff's surname and staff number only, what the citizen's statement prints.
        return terminal(nodeCode, citizenIdNumber, name, ACCESS_HISTORY, (c, person) -> Map.of(ACCESS_HISTORY,
                accessHistory(c, person, since).stream().map(row -> {
                    Map<String, Object> told = new LinkedHashMap<>(row);
                    told.computeIfPresent("display_name", (k, full) -> StaffSurname.of((String) full));
                    return told;
                }).toList())).get(ACCESS_HISTORY);
    }

    /** What a read takes from the database for one person (given in the database's own id form). */
    @FunctionalInterface
    private interface Reading {
        Map<String, List<Map<String, Object>>> read(Connection c, Object person) throws SQLException;
    }

    private Map<String, List<Map<String, Object>>> counter(String nodeCode, UUID staffId, UUID personId, String purpose, String what,
            Reading reading) throws Refused {
        if (purpose == null || Arrays.stream(AccessPurpose.values()).noneMatch(p -> p.name().equals(purpose))) {
            throw new Refused("RECORD_PURPOSE", false);
        }
        return refusing(() -> central.fromTransaction(s -> {
            StaffUser staff = staffId == null ? null : s.find(StaffUser.class, staffId);
            if (staff == null || !staff.isActive() || Collections.disjoint(staff.getRoles(), READERS)) {
                throw new RefusedInTransaction(new Refused("RECORD_STAFF_NOT_PERMITTED", false));
            }
            return s.doReturningWork(c -> recorded(c, nodeCode, "COUNTER", staffId, personId, purpose, what, reading));
        }));
    }

    /** For a self-service terminal: the record of the card's holder, found by ID number and name together. */
    public Map<String, List<Map<String, Object>>> forTerminal(String nodeCode, String citizenIdNumber, String name,
            Collection<String> tables) throws Refused {
        Set<String> wanted = checkedTables(tables);
        return terminal(nodeCode, citizenIdNumber, name, String.join(",", wanted), (c, person) -> tablesOf(c, person, wanted));
    }

    private Map<String, List<Map<String, Object>>> terminal(String nodeCode, String citizenIdNumber, String name, String what,
            Reading reading) throws Refused {
        if (citizenIdNumber == null || name == null || !citizenIdNumber.matches("[0-9]{17}[0-9X]") || name.isBlank()) {
            throw new Refused("BAD_REQUEST", false);
        }
        return refusing(() -> central.fromTransaction(s -> s.doReturningWork(c -> {
            UUID personId;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM insured_person WHERE citizen_id_number = ? AND name = ?")) {
                ps.setString(1, citizenIdNumber);
                ps.setString(2, name.strip());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new RefusedInTransaction(new Refused("RECORD_NOT_FOUND", true));
                    }
                    personId = RowValues.toUuid(RowValues.normalise(rs.getObject(1)));
                }
            }
            return recorded(c, nodeCode, "KIOSK", null, personId, SELF_SERVICE, what, reading);
        })));
    }

    /** Runs the read for an existing person and records it in {@code record_read}, in the caller's transaction. */
    private Map<String, List<Map<String, Object>>> recorded(Connection c, String nodeCode, String kind, UUID staffId, UUID personId,
            String purpose, String what, Reading reading) throws SQLException {
        Object person = RowValues.uuidFor(flavour, personId);
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM insured_person WHERE id = ?")) {
            ps.setObject(1, person);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    throw new RefusedInTransaction(new Refused("RECORD_NOT_FOUND", true));
                }
            }
        }
        Map<String, List<Map<String, Object>>> out = reading.read(c, person);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_read (id, read_at, node_code, node_kind, staff_id, person_id, "
                + "purpose, tables_read) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, RowValues.uuidFor(flavour, ids.next()));
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setString(3, nodeCode);
            ps.setString(4, kind);
            ps.setObject(5, staffId == null ? null : RowValues.uuidFor(flavour, staffId));
            ps.setObject(6, person);
            ps.setString(7, purpose);
            ps.setString(8, what);
            ps.executeUpdate();
        }
        return out;
    }

    /**
     * Every opening and printing of the record shipped from any window, and every terminal's read of it, oldest
     * first, with the staff member's name and number and the machine's site.
     */
    private List<Map<String, Object>> accessHistory(Connection c, Object person, Instant since) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.occurred_at, e.workstation_code, e.sequence_number, e.action_code,"
                + " e.purpose, e.detail, u.display_name, u.username, n.site FROM shipped_audit_event e"
                + " LEFT JOIN staff_user u ON u.id = e.actor_id"
                + " LEFT JOIN (SELECT node_code, MAX(site) AS site FROM node_certificate GROUP BY node_code) n ON n.node_code = e.workstation_code"
                + " WHERE e.subject_type = 'InsuredPerson' AND e.subject_id = ? AND e.occurred_at >= ?"
                + " AND e.action_code IN ('citizen.record.open', 'document.issued', 'document.reprinted') ORDER BY e.occurred_at")) {
            ps.setString(1, RowValues.toUuid(person).toString());
            ps.setTimestamp(2, Timestamp.from(since));
            for (Map<String, Object> row : RowReader.read(ps)) {
                out.add(row);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT r.read_at AS occurred_at, r.node_code AS workstation_code,"
                + " r.purpose, n.site FROM record_read r"
                + " LEFT JOIN (SELECT node_code, MAX(site) AS site FROM node_certificate GROUP BY node_code) n ON n.node_code = r.node_code"
                + " WHERE r.person_id = ? AND r.node_kind = 'KIOSK' AND r.read_at >= ? AND r.tables_read <> ?")) {
            ps.setObject(1, person);
            ps.setTimestamp(2, Timestamp.from(since));
            ps.setString(3, ACCESS_HISTORY);
            for (Map<String, Object> row : RowReader.read(ps)) {
                row.put("action_code", "terminal.record.read");
                out.add(row);
            }
        }
        out.sort(Comparator.comparing(r -> (Timestamp) r.get("occurred_at")));
        // One shape for every row (the wire names the columns once).
        return out.stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String column : ACCESS_COLUMNS) {
                row.put(column, r.get(column));
            }
            return row;
        }).toList();
    }

    private Map<String, List<Map<String, Object>>> tablesOf(Connection c, Object person, Set<String> tables) throws SQLException {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String table : tables) {
            // Table names come from PERSON_TABLES only (checkedTables), never from the request as typed.
            String column = table.equals("insured_person") ? "id" : "person_id";
            String order = table.startsWith("contribution") ? " ORDER BY contribution_month, insurance_type" : " ORDER BY id";
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE " + column + " = ?" + order)) {
                ps.setObject(1, person);
                out.put(table, RowReader.read(ps));
            }
        }
        referenced(c, out, "employer", "employer_id", "current_employer_id");
        referenced(c, out, "special_drug", "drug_id");
        return out;
    }

    /** The rows of {@code table} the record's rows refer to by any of {@code columns} (employer names, drug names). */
    private void referenced(Connection c, Map<String, List<Map<String, Object>>> out, String table, String... columns) throws SQLException {
        Set<UUID> ids = new LinkedHashSet<>();
        for (List<Map<String, Object>> rows : out.values()) {
            for (Map<String, Object> row : rows) {
                for (String column : columns) {
                    Object v = row.get(column);
                    if (v != null) {
                        ids.add(RowValues.toUuid(v));
                    }
                }
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        out.put(table, List.copyOf(new RowReader(flavour).fetch(c, table, ids).values()));
    }

    private static Set<String> checkedTables(Collection<String> tables) throws Refused {
        if (tables == null || tables.isEmpty()) {
            throw new Refused("BAD_REQUEST", false);
        }
        Set<String> checked = new LinkedHashSet<>();
        for (String t : tables) {
            String known = PERSON_TABLES.stream().filter(p -> p.equals(t)).findFirst().orElse(null);
            if (known == null) {
                throw new Refused("BAD_REQUEST", false);
            }
            checked.add(known);
        }
        return checked.stream().filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static <T> T refusing(Supplier<T> read) throws Refused {
        try {
            return read.get();
        } catch (RefusedInTransaction r) {
            throw r.refused;
        }
    }

    /** Carries a refusal out of a Hibernate transaction, which rolls it back (so a refused read is not recorded). */
    private static final class RefusedInTransaction extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Refused refused;

        RefusedInTransaction(Refused refused) {
            super(refused.code(), null, false, false);
            this.refused = refused;
        }
    }
}
