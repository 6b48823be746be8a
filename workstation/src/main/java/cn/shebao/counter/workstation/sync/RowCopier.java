package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.schema.ReplicatedTables;
import cn.shebao.counter.workstation.store.SqlFlavour;
import cn.shebao.counter.workstation.wire.RowValues;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes rows that came from central into the replica column by column, whatever the table, converting the
 * UUID columns to the replica's form. Row versions travel verbatim: Hibernate's own versioning would bump them,
 * which is why this is plain JDBC.
 */
final class RowCopier {

    /** SQLState of a foreign-key violation. */
    private static final String FOREIGN_KEY = "23503";

    private final SqlFlavour target;

    RowCopier(SqlFlavour target) {
        this.target = target;
    }

    /** The replica's row version for a row, or null when it has no such row. */
    Long localVersion(Connection replica, String table, UUID id) throws SQLException {
        try (PreparedStatement ps = replica.prepareStatement("SELECT row_version FROM " + ReplicatedTables.checked(table) + " WHERE id = ?")) {
            ps.setObject(1, RowValues.uuidFor(target, id));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** Inserts or updates (never delete-and-insert: children would block it) the row in the replica. */
    void write(Connection replica, String table, Map<String, Object> row, boolean exists) throws SQLException {
        String t = ReplicatedTables.checked(table);
        String sql;
        if (exists) {
            sql = "UPDATE " + t + " SET " + row.keySet().stream().filter(c -> !c.equals("id")).map(c -> c + " = ?")
                    .collect(Collectors.joining(", ")) + " WHERE id = ?";
        } else {
            sql = "INSERT INTO " + t + " (" + String.join(", ", row.keySet()) + ") VALUES ("
                    + row.keySet().stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        }
        try (PreparedStatement ps = replica.prepareStatement(sql)) {
            int i = 1;
            for (Map.Entry<String, Object> e : row.entrySet()) {
                if (!exists || !e.getKey().equals("id")) {
                    ps.setObject(i++, forTarget(e.getValue()));
                }
            }
            if (exists) {
                ps.setObject(i, forTarget(row.get("id")));
            }
            ps.executeUpdate();
        }
    }

    /**
     * Inserts rows of one table with a JDBC batch; returns how many were inserted. The pages of an initial load
     * are read one request at a time, not in one snapshot, so a child created during the load can arrive before
     * its parent: such a row is left out here (row by row after the batch failed) and arrives with its parent
     * when the change log is replayed from the load's starting sequence, where both have entries.
     */
    int insertBatch(Connection replica, String table, List<Map<String, Object>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        String sql = "INSERT INTO " + ReplicatedTables.checked(table) + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        Savepoint before = replica.setSavepoint();
        try (PreparedStatement ps = replica.prepareStatement(sql)) {
            for (Map<String, Object> row : rows) {
                bind(ps, columns, row);
                ps.addBatch();
            }
            ps.executeBatch();
            return rows.size();
        } catch (BatchUpdateException e) {
            if (!FOREIGN_KEY.equals(e.getSQLState()) && !(e.getNextException() != null
                    && FOREIGN_KEY.equals(e.getNextException().getSQLState()))) {
                throw e;
            }
        }
        replica.rollback(before);
        int inserted = 0;
        try (PreparedStatement ps = replica.prepareStatement(sql)) {
            for (Map<String, Object> row : rows) {
                bind(ps, columns, row);
                Savepoint one = replica.setSavepoint();
                try {
                    ps.executeUpdate();
                    inserted++;
                } catch (SQLException e) {
                    if (!FOREIGN_KEY.equals(e.getSQLState())) {
                        throw e;
                    }
                    replica.rollback(one); // its parent comes with the change log replay
                }
            }
        }
        return inserted;
    }

    private void bind(PreparedStatement ps, List<String> columns, Map<String, Object> row) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            ps.setObject(i + 1, forTarget(row.get(columns.get(i))));
        }
    }

    void delete(Connection replica, String table, UUID id) throws SQLException {
        try (PreparedStatement ps = replica.prepareStatement("DELETE FROM " + ReplicatedTables.checked(table) + " WHERE id = ?")) {
            ps.setObject(1, RowValues.uuidFor(target, id));
            ps.executeUpdate();
        }
    }

    private Object forTarget(Object value) {
        return value instanceof UUID u ? RowValues.uuidFor(target, u) : value;
    }
}
