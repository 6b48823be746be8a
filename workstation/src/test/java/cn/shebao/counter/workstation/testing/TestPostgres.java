package cn.shebao.counter.workstation.testing;

import cn.shebao.counter.workstation.store.DriverDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database for one test class, on the server that {@code scripts/test-postgres.sh}
 * starts. Missing configuration is a failure, not a skip: CI must never pass without PostgreSQL.
 */
public final class TestPostgres implements AutoCloseable {

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String database;
    private final DriverDataSource dataSource;

    private TestPostgres(String adminUrl, String user, String password, String database) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.database = database;
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
        this.dataSource = DriverDataSource.withCredentials(url, user, password.toCharArray());
    }

    public static TestPostgres createDatabase() {
        String url = System.getenv("SHEBAO_TEST_PG_URL");
        String user = System.getenv("SHEBAO_TEST_PG_USER");
        String password = System.getenv("SHEBAO_TEST_PG_PASSWORD");
        if (url == null || user == null || password == null) {
            throw new IllegalStateException("PostgreSQL tests need SHEBAO_TEST_PG_URL, SHEBAO_TEST_PG_USER and "
                    + "SHEBAO_TEST_PG_PASSWORD: run them with scripts/test.sh, or eval \"$(bash scripts/test-postgres.sh)\" first");
        }
        String db = "shebao_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestPostgres pg = new TestPostgres(url, user, password, db);
        pg.admin("CREATE DATABASE " + db);
        return pg;
    }

    public DriverDataSource dataSource() {
        return dataSource;
    }

    /** This database over TLS with the server certificate verified against the test CA (scripts/test-postgres.sh). */
    public String verifiedTlsUrl() {
        String ca = System.getenv("SHEBAO_TEST_PG_CA");
        if (ca == null) {
            throw new IllegalStateException("TLS tests need SHEBAO_TEST_PG_CA: run them with scripts/test.sh");
        }
        return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database + "?sslmode=verify-full&sslrootcert=" + ca;
    }

    /** The server's port, for a {@link TcpProxy} in front of it. */
    public int port() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("//[^:/]+:(\\d+)/").matcher(adminUrl);
        return m.find() ? Integer.parseInt(m.group(1)) : 5432;
    }

    /** This database through a proxy port, with timeouts so a blackholed connection fails instead of hanging. */
    public DriverDataSource through(int proxyPort) {
        String url = "jdbc:postgresql://127.0.0.1:" + proxyPort + "/" + database + "?connectTimeout=3&socketTimeout=5";
        return DriverDataSource.withCredentials(url, user, password.toCharArray());
    }

    /** This database's URL, without credentials. */
    public String jdbcUrl() {
        return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
    }

    public String user() {
        return user;
    }

    public char[] password() {
        return password.toCharArray();
    }

    private void admin(String sql) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        try (Connection c = DriverManager.getConnection(adminUrl, p); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL admin statement failed: " + sql, e);
        }
    }

    /**
     * Drops the database, ending its sessions. A session of another role this test cannot signal (a service role
     * a test created) is waited for: its pool closes it moments later.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                return;
            } catch (IllegalStateException stillConnected) {
                if (System.nanoTime() > deadline) {
                    throw stillConnected;
                }
                awaitNoSessions();
            }
        }
    }

    private void awaitNoSessions() {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        try (Connection c = DriverManager.getConnection(adminUrl, p); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = ?")) {
            ps.setString(1, database);
            for (int i = 0; i < 300; i++) {
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the sessions of " + database, e);
        }
    }
}
