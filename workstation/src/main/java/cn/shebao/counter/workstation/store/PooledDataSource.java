package cn.shebao.counter.workstation.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps a few idle connections to the central database. Opening a PostgreSQL connection (a server process,
 * SCRAM authentication, TLS) costs tens of milliseconds, which dominated pushing one command per transaction.
 * A connection is checked with {@link Connection#isValid} before it is handed out again, so one broken by a
 * network cut is dropped, never reused; one given back inside a transaction is rolled back first.
 */
public final class PooledDataSource implements DataSource, AutoCloseable {

    private static final int VALIDATION_SECONDS = 2;

    private final DataSource target;
    private final LinkedBlockingDeque<Connection> idle;

    public PooledDataSource(DataSource target, int maxIdle) {
        this.target = target;
        this.idle = new LinkedBlockingDeque<>(maxIdle);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            if (isHealthy(c)) {
                return wrap(c);
            }
            quietlyClose(c);
        }
        return wrap(target.getConnection());
    }

    private static boolean isHealthy(Connection c) {
        try {
            return c.isValid(VALIDATION_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private Connection wrap(Connection real) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean returned;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "close" -> {
                        if (!returned) {
                            returned = true;
                            giveBack(real);
                        }
                        return null;
                    }
                    case "isClosed" -> {
                        return returned || real.isClosed();
                    }
                    case "unwrap", "isWrapperFor" -> {
                        return method.invoke(real, args);
                    }
                    default -> {
                        if (returned) {
                            throw new SQLException("connection already returned to the pool");
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private void giveBack(Connection real) {
        try {
            if (real.isClosed()) {
                return;
            }
            if (!real.getAutoCommit()) {
                real.rollback(); // anything left uncommitted is not ours to keep
                real.setAutoCommit(true);
            }
            if (real.isReadOnly()) {
                real.setReadOnly(false);
            }
            if (!idle.offerFirst(real)) {
                real.close();
            }
        } catch (SQLException e) {
            quietlyClose(real);
        }
    }

    private static void quietlyClose(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // broken already: dropping it is all that is left to do
        }
    }

    @Override
    public void close() {
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            quietlyClose(c);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials come from the wrapped data source");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no logging through DataSource: the application logs with SLF4J
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // timeouts are set in the connection URL (connectTimeout, socketTimeout)
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("SLF4J is used");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
