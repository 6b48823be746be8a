package cn.shebao.counter.workstation.central;

import cn.shebao.counter.workstation.citizen.AccessPurpose;
import cn.shebao.counter.workstation.security.StaffRole;
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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
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
        if (purpose == null || java.util.Arrays.stream(AccessPurpose.values()).noneMatch(p -> p.name().equals(purpose))) {
            throw new Refused("RECORD_PURPOSE", false);
        }
        return refusing(() -> central.fromTransaction(s -> {
            StaffUser staff = staffId == null ? null : s.find(StaffUser.class, staffId);
            if (staff == null || !staff.isActive() || java.util.Collections.disjoint(staff.getRoles(), READERS)) {
                throw new RefusedInTransaction(new Refused("RECORD_STAFF_NOT_PERMITTED", false));
            }
            return s.doReturningWork(c -> readAndRecord(c, nodeCode, "COUNTER", staffId, personId, purpose, wanted));
        }));
    }

    /** For a self-service terminal: the record of the card's holder, found by ID number and name together. */
    public Map<String, List<Map<String, Object>>> forTerminal(String nodeCode, String citizenIdNumber, String name,
            Collection<String> tables) throws Refused {
        Set<String> wanted = checkedTables(tables);
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
            return readAndRecord(c, nodeCode, "KIOSK", null, personId, SELF_SERVICE, wanted);
        })));
    }

    private Map<String, List<Map<String, Object>>> readAndRecord(Connection c, String nodeCode, String kind, UUID staffId,
            UUID personId, String purpose, Set<String> tables) throws SQLException {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        Object person = RowValues.uuidFor(flavour, personId);
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM insured_person WHERE id = ?")) {
            ps.setObject(1, person);
            List<Map<String, Object>> rows = RowReader.read(ps);
            if (rows.isEmpty()) {
                throw new RefusedInTransaction(new Refused("RECORD_NOT_FOUND", true));
            }
            if (tables.contains("insured_person")) {
                out.put("insured_person", rows);
            }
        }
        for (String table : tables) {
            if (table.equals("insured_person")) {
                continue;
            }
            // Table names come from PERSON_TABLES only (checkedTables), never from the request as typed.
            String order = table.startsWith("contribution") ? " ORDER BY contribution_month, insurance_type" : " ORDER BY id";
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE person_id = ?" + order)) {
                ps.setObject(1, person);
                out.put(table, RowReader.read(ps));
            }
        }
        referenced(c, out, "employer", "employer_id", "current_employer_id");
        referenced(c, out, "special_drug", "drug_id");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_read (id, read_at, node_code, node_kind, staff_id, person_id, "
                + "purpose, tables_read) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, RowValues.uuidFor(flavour, ids.next()));
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setString(3, nodeCode);
            ps.setString(4, kind);
            ps.setObject(5, staffId == null ? null : RowValues.uuidFor(flavour, staffId));
            ps.setObject(6, person);
            ps.setString(7, purpose);
            ps.setString(8, String.join(",", tables));
            ps.executeUpdate();
        }
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

    private static <T> T refusing(java.util.function.Supplier<T> read) throws Refused {
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
