package cn.shebao.counter.workstation.central;

import cn.shebao.counter.workstation.schema.ReplicatedTables;
import cn.shebao.counter.workstation.store.SqlFlavour;
import cn.shebao.counter.workstation.wire.RowValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads rows of replicated tables from the central database column by column, whatever the table, with
 * values in the form both databases share ({@link RowValues}). Table names are checked before any SQL.
 */
final class RowReader {

    private final SqlFlavour flavour;

    RowReader(SqlFlavour flavour) {
        this.flavour = flavour;
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
                ps.setObject(i++, RowValues.uuidFor(flavour, id));
            }
            for (Map<String, Object> row : read(ps)) {
                rows.put(RowValues.toUuid(row.get("id")), row);
            }
        }
        return rows;
    }

    /** The next rows after {@code afterId} in id order: keyset pages that a resumed load can continue. */
    List<Map<String, Object>> page(Connection from, String table, UUID afterId, int limit) throws SQLException {
        String t = ReplicatedTables.checked(table);
        try (PreparedStatement ps = from.prepareStatement(afterId == null
                ? "SELECT * FROM " + t + " ORDER BY id" : "SELECT * FROM " + t + " WHERE id > ? ORDER BY id")) {
            if (afterId != null) {
                ps.setObject(1, RowValues.uuidFor(flavour, afterId));
            }
            ps.setMaxRows(limit);
            ps.setFetchSize(limit);
            return read(ps);
        }
    }

    long count(Connection from, String table) throws SQLException {
        try (PreparedStatement ps = from.prepareStatement("SELECT COUNT(*) FROM " + ReplicatedTables.checked(table));
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows as column-name maps (lower case, values normalised across databases), in result order. */
    static List<Map<String, Object>> read(PreparedStatement ps) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= md.getColumnCount(); c++) {
                    row.put(md.getColumnName(c).toLowerCase(Locale.ROOT), RowValues.normalise(rs.getObject(c)));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
