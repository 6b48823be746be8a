package cn.shebao.counter.workstation.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A plain DriverManager data source whose secret connection properties (a password, Derby's boot
 * password) are supplied per connect and never appear in the URL or in {@link #toString()}.
 */
public final class DriverDataSource implements DataSource {

    private final String url;
    private final Supplier<Properties> properties;
    private final StorageRecovery recovery;
    private final boolean readOnly;

    public DriverDataSource(String url, Supplier<Properties> properties) {
        this(url, properties, null, false);
    }

    private DriverDataSource(String url, Supplier<Properties> properties, StorageRecovery recovery, boolean readOnly) {
        this.url = url;
        this.properties = properties;
        this.recovery = recovery;
        this.readOnly = readOnly;
    }

    /** The same embedded Derby database, restarted by the next connection after a write failed for lack of space. */
    DriverDataSource recoveringFromStorageFailures() {
        return new DriverDataSource(url, properties, new StorageRecovery(url), readOnly);
    }

    /**
     * Every connection read-only ({@link Connection#setReadOnly}): Derby then refuses any write with SQLState 25502,
     * so a tool that only reads (audit verify) cannot change the replica, whatever code path it takes.
     */
    DriverDataSource readOnly() {
        return new DriverDataSource(url, properties, recovery, true);
    }

    /** Restarts after storage failures so far (0 for a data source without recovery). */
    public int storageRestarts() {
        return recovery == null ? 0 : recovery.restarts();
    }

    /** User and password for a server database; the password array is copied, not kept by reference. */
    public static DriverDataSource withCredentials(String url, String user, char[] password) {
        char[] kept = password == null ? new char[0] : password.clone();
        return new DriverDataSource(url, () -> {
            Properties p = new Properties();
            if (user != null) {
                p.setProperty("user", user);
            }
            if (kept.length > 0) {
                p.setProperty("password", new String(kept));
            }
            return p;
        });
    }

    public String url() {
        return url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c;
        if (recovery == null) {
            c = DriverManager.getConnection(url, properties.get());
        } else {
            recovery.beforeConnect();
            c = recovery.watch(DriverManager.getConnection(url, properties.get()));
        }
        if (readOnly) {
            c.setReadOnly(true);
        }
        return c;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials come from the configured supplier");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // DriverManager logging is global; nothing per data source.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "DriverDataSource[" + url + "]";
    }
}
