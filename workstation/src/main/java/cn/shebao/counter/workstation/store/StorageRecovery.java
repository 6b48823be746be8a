package cn.shebao.counter.workstation.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the embedded replica back after a write failed for lack of space. When Derby cannot write its log at a
 * commit, it keeps the database booted but read-only ("An SQL data change is not permitted", 25502) until it boots
 * again; the fault soak found a window that stayed so for good after its disk was freed, its queue growing and every
 * step refused. So every connection is watched: a failure that says the disk was full, the log could not be written or
 * the database turned read-only marks the database for a restart, and the next connection first shuts it down. Booting
 * again runs Derby's recovery, which keeps every committed transaction and drops the one that failed.
 */
final class StorageRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(StorageRecovery.class);

    private final String databaseUrl;
    private final AtomicBoolean restartNeeded = new AtomicBoolean();
    private final AtomicInteger restarts = new AtomicInteger();

    StorageRecovery(String databaseUrl) {
        this.databaseUrl = databaseUrl;
    }

    /** True when {@code failure} is one after which this database must boot again to be written. */
    static boolean needsRestart(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    String state = e.getSQLState();
                    if ("25502".equals(state) || state != null && state.startsWith("XSLA")) {
                        return true;
                    }
                }
            }
        }
        return DiskFull.causedBy(failure);
    }

    /** How many times the database was restarted after a storage failure (for the tests and the log). */
    int restarts() {
        return restarts.get();
    }

    void beforeConnect() {
        if (!restartNeeded.compareAndSet(true, false)) {
            return;
        }
        try {
            DriverManager.getConnection(databaseUrl + ";shutdown=true").close();
        } catch (SQLException e) {
            // 08006 is Derby's "shut down as asked"; XJ004: Derby had already shut it down after a page write failed.
            if (!"08006".equals(e.getSQLState()) && !"XJ004".equals(e.getSQLState())) {
                restartNeeded.set(true);
                LOG.warn("The local database could not be restarted after a storage failure ({}); trying again at the next step",
                        e.getSQLState());
                return;
            }
        }
        restarts.incrementAndGet();
        LOG.warn("The local database was restarted after a write failed for lack of space: its recovery keeps every committed "
                + "step; the next connection boots it");
    }

    Connection watch(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Watcher(connection));
    }

    private final class Watcher implements InvocationHandler {
        private final Object target;

        Watcher(Object target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (needsRestart(cause) && !restartNeeded.getAndSet(true)) {
                    LOG.warn("A write to the local database failed ({}); it is restarted before the next step", cause.toString());
                }
                throw cause;
            }
            // Statements are watched too: a batch on a read-only database fails there, not on the connection.
            Class<?> type = method.getReturnType();
            if (result != null && (type == Statement.class || type == PreparedStatement.class || type == CallableStatement.class)) {
                return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Watcher(result));
            }
            return result;
        }
    }
}
