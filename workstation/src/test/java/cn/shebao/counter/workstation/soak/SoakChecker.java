package cn.shebao.counter.workstation.soak;

import cn.shebao.counter.workstation.audit.AuditVerification;
import cn.shebao.counter.workstation.audit.AuditVerifier;
import cn.shebao.counter.workstation.central.JdbcSnapshotSource;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.schema.ReplicatedTables;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.wire.RowValues;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The soak's judge, run when the faults have stopped, the queues have drained and the workstations have closed: it
 * reads central's database and every replica directly and names each anomaly it finds. Nothing here asks the
 * product whether it worked; it compares what is stored.
 */
final class SoakChecker {

    /** What went wrong, by kind, with enough detail to start looking. */
    record Anomaly(String kind, String detail) {
        @Override
        public String toString() {
            return kind + ": " + detail;
        }
    }

    /** What was checked, for the report. */
    record Counts(Map<String, Long> commandsPerNode, long rowsCompared, long auditEventsCompared, long conflicts, long conflictsOpen,
            long accounts, long approvals) {
    }

    private final DataSource central;
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final Map<String, Long> commandsPerNode = new LinkedHashMap<>();
    private long rowsCompared;
    private long auditCompared;

    SoakChecker(DataSource central) {
        this.central = central;
    }

    List<Anomaly> anomalies() {
        return List.copyOf(anomalies);
    }

    /** Checks one workstation against central: its commands, its replica and its audit chain. */
    void checkWorkstation(String node, Path data) throws Exception {
        DataDirectory dir = new DataDirectory(data);
        try (Replica replica = Replica.open(dir, KeyStoreKeyProtector.forMachine(dir.keys()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
            commands(node, replica.dataSource());
            replicaEqualsCentral(node, replica.dataSource());
            audit(node, replica);
        }
    }

    /**
     * Every command committed locally was applied at central exactly once, in the node's order, with the answer the
     * workstation recorded; central applied nothing the workstation did not send.
     */
    private void commands(String node, DataSource replica) throws SQLException {
        List<Object[]> local = rows(replica, "SELECT sequence_number, command_id, state, result_code FROM outbox_command ORDER BY sequence_number");
        List<Object[]> applied = rows(central, "SELECT sequence_number, command_id, result_code, applied_at FROM applied_command"
                + " WHERE node_code = ? ORDER BY sequence_number", node);
        commandsPerNode.put(node, (long) local.size());
        Map<Long, Object[]> there = new LinkedHashMap<>();
        for (Object[] a : applied) {
            there.put(((Number) a[0]).longValue(), a);
        }
        long expected = 1;
        for (Object[] l : local) {
            long seq = ((Number) l[0]).longValue();
            if (seq != expected) {
                anomalies.add(new Anomaly("LOCAL_GAP", node + " outbox jumps from " + (expected - 1) + " to " + seq));
            }
            expected = seq + 1;
            Object[] a = there.remove(seq);
            String state = String.valueOf(l[2]);
            if (a == null) {
                anomalies.add(new Anomaly("LOST", node + " command " + seq + " (" + state + ") never applied at central"));
                continue;
            }
            if (!uuid(l[1]).equals(uuid(a[1]))) {
                anomalies.add(new Anomaly("SEQUENCE_REUSED", node + " " + seq + ": local " + uuid(l[1]) + ", central " + uuid(a[1])));
            }
            String centralResult = String.valueOf(a[2]);
            if (state.equals("PENDING")) {
                anomalies.add(new Anomaly("NOT_ACKNOWLEDGED", node + " command " + seq + " applied at central (" + centralResult
                        + ") but still waiting locally"));
            } else if (!state.equals(centralResult)) {
                anomalies.add(new Anomaly("ANSWER_DIFFERS", node + " command " + seq + ": local " + state + ", central " + centralResult));
            }
        }
        for (Long seq : there.keySet()) {
            anomalies.add(new Anomaly("PHANTOM", node + " command " + seq + " applied at central, unknown to the workstation"));
        }
        Timestamp previous = null;
        for (Object[] a : applied) {
            Timestamp at = (Timestamp) a[3];
            if (previous != null && at.before(previous)) {
                anomalies.add(new Anomaly("OUT_OF_ORDER", node + " command " + a[0] + " applied before the one ahead of it"));
            }
            previous = at;
        }
    }

    /** Row by row, value by value, every replicated table. */
    private void replicaEqualsCentral(String node, DataSource replica) {
        JdbcSnapshotSource there = new JdbcSnapshotSource(central);
        JdbcSnapshotSource here = new JdbcSnapshotSource(replica);
        for (String table : ReplicatedTables.IN_ORDER) {
            List<Map<String, Object>> c = there.page(table, null, Integer.MAX_VALUE);
            List<Map<String, Object>> l = here.page(table, null, Integer.MAX_VALUE);
            if (c.size() != l.size()) {
                anomalies.add(new Anomaly("REPLICA_DIFFERS", node + " " + table + ": " + l.size() + " rows, central " + c.size()));
                continue;
            }
            for (int i = 0; i < c.size(); i++) {
                if (!Objects.equals(c.get(i), l.get(i))) {
                    anomalies.add(new Anomaly("REPLICA_DIFFERS", node + " " + table + " row " + c.get(i).get("id") + ": "
                            + difference(c.get(i), l.get(i))));
                    break;
                }
            }
            rowsCompared += c.size();
        }
    }

    private static String difference(Map<String, Object> central, Map<String, Object> local) {
        for (Map.Entry<String, Object> e : central.entrySet()) {
            if (!Objects.equals(e.getValue(), local.get(e.getKey()))) {
                return e.getKey() + " is " + local.get(e.getKey()) + ", central " + e.getValue();
            }
        }
        return "columns differ: " + local.keySet() + " / " + central.keySet();
    }

    /** The chain verifies at the workstation, central verified it to its head, and central's copy is the same chain. */
    private void audit(String node, Replica replica) throws SQLException {
        AuditVerification local = new AuditVerifier(replica.sessions()).verify();
        if (!local.intact()) {
            anomalies.add(new Anomaly("AUDIT_BROKEN", node + " at the workstation: " + local.problems()));
        }
        List<Object[]> mine = rows(replica.dataSource(), "SELECT sequence_number, entry_hash FROM audit_event ORDER BY sequence_number");
        List<Object[]> shipped = rows(central, "SELECT sequence_number, entry_hash FROM shipped_audit_event WHERE workstation_code = ?"
                + " ORDER BY sequence_number", node);
        Map<Long, String> atCentral = new LinkedHashMap<>();
        for (Object[] s : shipped) {
            atCentral.put(((Number) s[0]).longValue(), (String) s[1]);
        }
        for (Object[] m : mine) {
            long seq = ((Number) m[0]).longValue();
            String hash = atCentral.remove(seq);
            if (hash == null) {
                anomalies.add(new Anomaly("AUDIT_NOT_SHIPPED", node + " audit event " + seq + " missing at central"));
            } else if (!hash.equals(m[1])) {
                anomalies.add(new Anomaly("AUDIT_COPY_DIFFERS", node + " audit event " + seq + " differs at central"));
            }
            auditCompared++;
        }
        if (!atCentral.isEmpty()) {
            anomalies.add(new Anomaly("AUDIT_EXTRA", node + " " + atCentral.size() + " events at central the workstation does not hold"));
        }
        long head = mine.isEmpty() ? 0 : ((Number) mine.get(mine.size() - 1)[0]).longValue();
        List<Object[]> state = rows(central, "SELECT verified_sequence, problem_kind, problem_sequence FROM audit_chain_state"
                + " WHERE workstation_code = ?", node);
        if (state.isEmpty()) {
            anomalies.add(new Anomaly("AUDIT_UNVERIFIED", node + " has no chain state at central"));
        } else {
            Object[] s = state.get(0);
            if (s[1] != null) {
                anomalies.add(new Anomaly("AUDIT_BROKEN", node + " at central: " + s[1] + " at " + s[2]));
            }
            if (((Number) s[0]).longValue() != head) {
                anomalies.add(new Anomaly("AUDIT_UNVERIFIED", node + " verified at central to " + s[0] + ", head " + head));
            }
        }
    }

    /** The business rules central must hold whatever the faults did. */
    Counts invariants() throws SQLException {
        for (Object[] r : rows(central, "SELECT person_id, COUNT(*) FROM online_account WHERE status IN ('PENDING', 'ACTIVE', 'LOCKED')"
                + " GROUP BY person_id HAVING COUNT(*) > 1")) {
            anomalies.add(new Anomaly("TWO_LIVE_ACCOUNTS", "person " + uuid(r[0]) + " has " + r[1] + " live accounts"));
        }
        for (Object[] r : rows(central, "SELECT a.id, b.id FROM special_drug_application a JOIN special_drug_application b"
                + " ON a.person_id = b.person_id AND a.drug_id = b.drug_id AND a.id < b.id"
                + " WHERE a.status = 'APPROVED' AND b.status = 'APPROVED' AND a.approved_from <= b.approved_to AND b.approved_from <= a.approved_to")) {
            anomalies.add(new Anomaly("OVERLAPPING_APPROVALS", uuid(r[0]) + " and " + uuid(r[1])));
        }
        for (Object[] r : rows(central, "SELECT id FROM special_drug_application WHERE decided_by IS NOT NULL AND decided_by = registered_by")) {
            anomalies.add(new Anomaly("FOUR_EYES", "application " + uuid(r[0]) + " decided by the clerk who registered it"));
        }
        for (Object[] r : rows(central, "SELECT id, status, resolved_by FROM sync_conflict")) {
            boolean resolved = "RESOLVED".equals(r[1]);
            if (resolved != (r[2] != null)) {
                anomalies.add(new Anomaly("CONFLICT_STATE", "conflict " + uuid(r[0]) + " is " + r[1] + " with resolver " + r[2]));
            }
        }
        // A conflict resolved twice: two resolution commands for one conflict (the second must have been refused).
        long conflicts = count("SELECT COUNT(*) FROM sync_conflict");
        long open = count("SELECT COUNT(*) FROM sync_conflict WHERE status <> 'RESOLVED'");
        return new Counts(Map.copyOf(commandsPerNode), rowsCompared, auditCompared, conflicts, open,
                count("SELECT COUNT(*) FROM online_account"), count("SELECT COUNT(*) FROM special_drug_application WHERE status = 'APPROVED'"));
    }

    private long count(String sql) throws SQLException {
        return ((Number) rows(central, sql).get(0)[0]).longValue();
    }

    private static String uuid(Object value) {
        return RowValues.toUuid(RowValues.normalise(value)).toString();
    }

    private static List<Object[]> rows(DataSource ds, String sql, Object... args) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }
}
