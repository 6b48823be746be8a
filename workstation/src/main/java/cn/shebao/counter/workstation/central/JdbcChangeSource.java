package cn.shebao.counter.workstation.central;

import cn.shebao.counter.workstation.schema.ReplicatedTables;
import cn.shebao.counter.workstation.store.SqlFlavour;
import cn.shebao.counter.workstation.wire.CentralUnavailableException;
import cn.shebao.counter.workstation.wire.ChangeEntry;
import cn.shebao.counter.workstation.wire.ChangePage;
import cn.shebao.counter.workstation.wire.ChangeSource;
import cn.shebao.counter.workstation.wire.RowValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The change log read straight from the central database: what the service answers a pull with. The entries
 * and the rows they name are read on one read-only connection.
 */
public final class JdbcChangeSource implements ChangeSource {

    private final DataSource central;
    private final RowReader rows;

    public JdbcChangeSource(DataSource central) {
        this(central, SqlFlavour.of(central));
    }

    public JdbcChangeSource(DataSource central, SqlFlavour flavour) {
        this.central = central;
        this.rows = new RowReader(flavour);
    }

    @Override
    public ChangePage changesAfter(long cursor, int max) {
        try (Connection c = central.getConnection()) {
            c.setReadOnly(true);
            List<ChangeEntry> entries = read(c, cursor, max);
            Map<String, Set<UUID>> wanted = new HashMap<>();
            for (ChangeEntry e : entries) {
                if (!e.delete()) {
                    wanted.computeIfAbsent(e.table(), t -> new LinkedHashSet<>()).add(e.rowId());
                }
            }
            Map<String, Map<UUID, Map<String, Object>>> current = new HashMap<>();
            for (Map.Entry<String, Set<UUID>> w : wanted.entrySet()) {
                current.put(w.getKey(), rows.fetch(c, w.getKey(), w.getValue()));
            }
            return new ChangePage(entries, current);
        } catch (SQLException e) {
            throw new CentralUnavailableException("cannot read the change log", e);
        }
    }

    private static List<ChangeEntry> read(Connection c, long after, int max) throws SQLException {
        List<ChangeEntry> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sequence_number, table_name, row_id, row_version, operation "
                + "FROM change_log WHERE sequence_number > ? ORDER BY sequence_number")) {
            ps.setLong(1, after);
            ps.setMaxRows(max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new ChangeEntry(rs.getLong(1), ReplicatedTables.checked(rs.getString(2)),
                            RowValues.toUuid(rs.getObject(3)), rs.getLong(4), "DELETE".equals(rs.getString(5))));
                }
            }
        }
        return entries;
    }
}
