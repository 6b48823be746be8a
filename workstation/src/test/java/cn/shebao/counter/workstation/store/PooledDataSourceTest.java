package cn.shebao.counter.workstation.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Central connections are reused, handed back clean, and never reused once broken. */
class PooledDataSourceTest {

    @Test
    void reusesHealthyConnectionsAndDropsBrokenOnes() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase(); PooledDataSource pool = new PooledDataSource(pg.dataSource(), 2)) {
            int first;
            try (Connection c = pool.getConnection()) {
                first = backend(c);
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE pool_probe (n INT)");
                    st.execute("INSERT INTO pool_probe VALUES (1)"); // left uncommitted on purpose
                }
            }
            try (Connection c = pool.getConnection()) {
                assertThat(backend(c)).as("the same server connection again").isEqualTo(first);
                assertThat(c.getAutoCommit()).isTrue();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT to_regclass('pool_probe') IS NULL")) {
                    rs.next();
                    // The uncommitted work of the previous user was rolled back, table and row alike.
                    assertThat(rs.getBoolean(1)).isTrue();
                }
                assertThat(c.isClosed()).isFalse();
                c.close();
                assertThat(c.isClosed()).isTrue();
            }
            try (Connection admin = pg.dataSource().getConnection(); Statement st = admin.createStatement()) {
                st.execute("SELECT pg_terminate_backend(" + first + ")"); // a cut connection, as the network would
            }
            try (Connection c = pool.getConnection()) {
                assertThat(backend(c)).as("a broken connection is never handed out").isNotEqualTo(first);
            }
        }
    }

    private static int backend(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
