package cn.shebao.counter.workstation.central;

import cn.shebao.counter.workstation.store.SqlFlavour;
import cn.shebao.counter.workstation.wire.CentralUnavailableException;
import cn.shebao.counter.workstation.wire.SnapshotSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Central's tables for an initial load, read straight from the central database (the service's side). */
public final class JdbcSnapshotSource implements SnapshotSource {

    private final DataSource central;
    private final RowReader rows;

    public JdbcSnapshotSource(DataSource central) {
        this(central, SqlFlavour.of(central));
    }

    public JdbcSnapshotSource(DataSource central, SqlFlavour flavour) {
        this.central = central;
        this.rows = new RowReader(flavour);
    }

    @Override
    public long snapshotSequence() {
        try (Connection c = central.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT last_sequence FROM change_counter WHERE id = 1"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new CentralUnavailableException("cannot read the change sequence", e);
        }
    }

    @Override
    public long count(String table) {
        try (Connection c = central.getConnection()) {
            c.setReadOnly(true);
            return rows.count(c, table);
        } catch (SQLException e) {
            throw new CentralUnavailableException("cannot count " + table, e);
        }
    }

    @Override
    public List<Map<String, Object>> page(String table, UUID afterId, int limit) {
        try (Connection c = central.getConnection()) {
            c.setReadOnly(true);
            return rows.page(c, table, afterId, limit);
        } catch (SQLException e) {
            throw new CentralUnavailableException("cannot read " + table, e);
        }
    }
}
