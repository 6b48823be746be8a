package cn.shebao.counter.workstation.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Derby's consistency check ({@code SYSCS_UTIL.SYSCS_CHECK_TABLE}) over every table of the replica: every page of the
 * table and of each of its indexes is read, so a page whose checksum fails (a flipped bit on disk) is found here
 * instead of in the middle of a clerk's search. A table that fails is reported by name and SQLState only: Derby's
 * own message for a damaged page carries a dump of it, which holds people's data.
 */
public final class StorageCheck {

    /** Progress: the table about to be checked, its position (1-based) and how many there are. */
    @FunctionalInterface
    public interface Progress {
        void checking(String table, int position, int tables);
    }

    /** One table's verdict; {@code sqlState} is null when the table is whole. */
    public record TableResult(String table, String sqlState) {
        public boolean whole() {
            return sqlState == null;
        }

        /** Derby's "XSDG" states are damaged pages (checksum, bad page format); the others a broken table or index. */
        public boolean damagedPage() {
            return sqlState != null && sqlState.startsWith("XSDG");
        }
    }

    private final DataSource dataSource;

    public StorageCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<TableResult> run(Progress progress) throws SQLException {
        List<String[]> tables = tables();
        List<TableResult> results = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            String[] t = tables.get(i);
            progress.checking(t[1], i + 1, tables.size());
            results.add(check(t[0], t[1]));
        }
        return results;
    }

    private List<String[]> tables() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return userTables(c);
        }
    }

    /** Every user table as {schema, table}, in a stable order. */
    static List<String[]> userTables(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT s.schemaname, t.tablename FROM sys.systables t JOIN sys.sysschemas s ON t.schemaid = s.schemaid "
                        + "WHERE t.tabletype = 'T' ORDER BY s.schemaname, t.tablename");
                ResultSet r = q.executeQuery()) {
            List<String[]> tables = new ArrayList<>();
            while (r.next()) {
                tables.add(new String[] {r.getString(1), r.getString(2)});
            }
            return tables;
        }
    }

    /**
     * Each table on a connection of its own: a damaged page can make Derby shut the database down, and the next
     * connection boots it again (the boot password is in the data source's properties), so one bad table does not hide
     * the state of the others.
     */
    private TableResult check(String schema, String table) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("VALUES SYSCS_UTIL.SYSCS_CHECK_TABLE(?, ?)")) {
            q.setString(1, schema);
            q.setString(2, table);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return new TableResult(table, r.getInt(1) == 1 ? null : "CHECK");
            }
        } catch (SQLException e) {
            return new TableResult(table, deepestState(e));
        }
    }

    private static String deepestState(SQLException e) {
        String state = e.getSQLState();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("XSDG")) {
                return s.getSQLState();
            }
        }
        for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
            if (next.getSQLState() != null && next.getSQLState().startsWith("XSDG")) {
                return next.getSQLState();
            }
        }
        return state == null ? "UNKNOWN" : state;
    }
}
