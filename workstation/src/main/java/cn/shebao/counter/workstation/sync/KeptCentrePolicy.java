package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.wire.CentrePolicy;
import cn.shebao.counter.workstation.wire.CentrePolicySource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The centre's rules as this workstation last received them, kept in the replica ({@code centre_policy}) so they
 * hold offline and across restarts; the built-in defaults until the first sync. Thread-safe: read by the login and
 * the idle lock, refreshed by the sync thread.
 */
public final class KeptCentrePolicy {

    private static final Logger LOG = LoggerFactory.getLogger(KeptCentrePolicy.class);

    private final DataSource replica;
    private final Clock clock;
    private volatile CentrePolicy current;

    private KeptCentrePolicy(DataSource replica, Clock clock, CentrePolicy current) {
        this.replica = replica;
        this.clock = clock;
        this.current = current;
    }

    public static KeptCentrePolicy open(DataSource replica, Clock clock) {
        try (Connection c = replica.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT idle_lock_max_minutes, lockout_failures, lockout_minutes, max_days_offline, max_pending_commands "
                        + "FROM centre_policy WHERE id = 1")) {
            CentrePolicy kept = r.next()
                    ? new CentrePolicy(r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4), r.getInt(5)) : CentrePolicy.DEFAULT;
            return new KeptCentrePolicy(replica, clock, kept);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the centre's policy from the replica", e);
        } catch (IllegalArgumentException e) {
            // Only a hand-edited replica holds a value out of bounds: the defaults are the safe reading.
            LOG.warn("The kept centre policy is out of bounds ({}); the defaults apply until the next sync", e.getMessage());
            return new KeptCentrePolicy(replica, clock, CentrePolicy.DEFAULT);
        }
    }

    public CentrePolicy current() {
        return current;
    }

    /**
     * Asks central and keeps what it says when it changed. An answer out of bounds is not applied (the rules stay as
     * they were) and is said in the log.
     */
    public void refresh(CentrePolicySource central) throws SQLException {
        CentrePolicy received;
        try {
            received = central.centrePolicy();
        } catch (IllegalArgumentException e) {
            LOG.warn("Central's policy answer was not applied: {}", e.getMessage());
            return;
        }
        if (received.equals(current)) {
            return;
        }
        try (Connection c = replica.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM centre_policy");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO centre_policy (id, idle_lock_max_minutes, "
                            + "lockout_failures, lockout_minutes, max_days_offline, max_pending_commands, received_at) "
                            + "VALUES (1, ?, ?, ?, ?, ?, ?)")) {
                delete.executeUpdate();
                insert.setInt(1, received.idleLockMaxMinutes());
                insert.setInt(2, received.lockoutFailures());
                insert.setInt(3, received.lockoutMinutes());
                insert.setInt(4, received.maxDaysOffline());
                insert.setInt(5, received.maxPendingCommands());
                insert.setTimestamp(6, Timestamp.from(clock.instant()));
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
        LOG.info("The centre's policy changed: {}", received);
        current = received;
    }
}
