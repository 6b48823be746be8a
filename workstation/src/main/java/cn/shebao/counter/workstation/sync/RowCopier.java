package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.store.SqlFlavour;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Copies rows column by column between the central database and the replica, whatever the table, converting
 * the few types that differ (UUID as PostgreSQL uuid or Derby CHAR(16) FOR BIT DATA, timestamps). Row
 * versions travel verbatim: Hibernate's own versioning would bump them, which is why this is plain JDBC.
 */
final class RowCopier {

    private final SqlFlavour source;
    private final SqlFlavour target;

    RowCopier(SqlFlavour source, SqlFlavour target) {
        this.source = source;
        this.target = target;
    }

    /** Current rows by id (ids that no longer exist are absent). */
    Map<UUID, Map<String, Object>> fetch(Connection from, String table, Collection<UUID> ids) throws SQLException {
        Map<UUID, Map<String, Object>> rows = new HashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        String marks = ids.stream().map(i -> "?").collect(Collectors.joining(","));
        try (PreparedStatement ps = from.prepareStatement("SELECT * FROM " + ReplicatedTables.checked(table) + " WHERE id IN (" + marks + ")")) {
            int i = 1;
            for (UUID id : ids) {
                ps.setObject(i++, uuidFor(source, id));
            }
            for (Map<String, Object> row : read(ps)) {
                rows.put(toUuid(row.get("id")), row);
            }
        }
        return rows;
    }

    /** Rows as column-name maps (lower case, values normalised across databases), in result order. */
    private java.util.List<Map<String, Object>> read(PreparedStatement ps) throws SQLException {
        java.util.List<Map<String, Object>> rows = new java.util.ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= md.getColumnCount(); c++) {
                    row.put(md.getColumnName(c).toLowerCase(java.util.Locale.ROOT), normalise(rs.getObject(c)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The replica's row version for a row, or null when it has no such row. */
    Long localVersion(Connection replica, String table, UUID id) throws SQLException {
        try (PreparedStatement ps = replica.prepareStatement("SELECT row_version FROM " + ReplicatedTables.checked(table) + " WHERE id = ?")) {
            ps.setObject(1, uuidFor(target, id));
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

    /** Reads the next rows after {@code afterId} in id order: keyset pages that a resumed load can continue. */
    java.util.List<Map<String, Object>> page(Connection from, String table, UUID afterId, int limit) throws SQLException {
        String t = ReplicatedTables.checked(table);
        java.util.List<Map<String, Object>> rows = new java.util.ArrayList<>();
        try (PreparedStatement ps = from.prepareStatement(afterId == null
                ? "SELECT * FROM " + t + " ORDER BY id" : "SELECT * FROM " + t + " WHERE id > ? ORDER BY id")) {
            if (afterId != null) {
                ps.setObject(1, uuidFor(source, afterId));
            }
            ps.setMaxRows(limit);
            ps.setFetchSize(limit);
            rows.addAll(read(ps));
        }
        return rows;
    }

    /** Inserts rows of one table with a JDBC batch. */
    void insertBatch(Connection replica, String table, java.util.List<Map<String, Object>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        java.util.List<String> columns = new java.util.ArrayList<>(rows.get(0).keySet());
        String sql = "INSERT INTO " + ReplicatedTables.checked(table) + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        try (PreparedStatement ps = replica.prepareStatement(sql)) {
            for (Map<String, Object> row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    ps.setObject(i + 1, forTarget(row.get(columns.get(i))));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    void delete(Connection replica, String table, UUID id) throws SQLException {
        try (PreparedStatement ps = replica.prepareStatement("DELETE FROM " + ReplicatedTables.checked(table) + " WHERE id = ?")) {
            ps.setObject(1, uuidFor(target, id));
            ps.executeUpdate();
        }
    }

    private Object normalise(Object value) {
        if (value instanceof byte[] b && b.length == 16) {
            return toUuid(b);
        }
        if (value instanceof OffsetDateTime t) {
            return Timestamp.from(t.toInstant());
        }
        return value;
    }

    private Object forTarget(Object value) {
        return value instanceof UUID u ? uuidFor(target, u) : value;
    }

    static Object uuidFor(SqlFlavour flavour, UUID id) {
        if (flavour == SqlFlavour.DERBY) {
            return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
        }
        return id;
    }

    static UUID toUuid(Object value) {
        if (value instanceof UUID u) {
            return u;
        }
        ByteBuffer b = ByteBuffer.wrap((byte[]) value);
        return new UUID(b.getLong(), b.getLong());
    }
}
