package cn.shebao.counter.workstation.store;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a failure that came from a full disk: Derby says so with its own states (a page or the log that could not be
 * written), the JDK with the operating system's words. The work of that moment is rolled back whole (nothing half
 * stored); the clerk is told the disk is full, not that something unexpected happened, and can retry once IT has
 * made room (the soak's DISK_FULL fault shows the replica carries on by itself when space returns).
 */
public final class DiskFull {

    /** Derby: a page could not be written (XSDG1), the log could not be written (XSLA4). */
    private static final Set<String> DERBY_STATES = Set.of("XSDG1", "XSLA4");

    private DiskFull() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (DERBY_STATES.contains(e.getSQLState()) || spaceWords(e)) {
                        return true;
                    }
                }
            }
            if (t instanceof IOException && spaceWords(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean spaceWords(Throwable t) {
        String m = t.getMessage();
        return m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"));
    }
}
