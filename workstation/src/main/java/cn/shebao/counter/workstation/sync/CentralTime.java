package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.wire.CentralClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's business clock: the local clock corrected by the offset to central's clock, measured at
 * every sync and kept in the replica, so a counter PC whose clock is wrong still stamps confirmations and
 * documents with the centre's time, offline too. A local clock that goes backwards (by hand, or a failing
 * CMOS battery) is flagged for IT; business goes on with the corrected time.
 */
public final class CentralTime extends Clock {

    private static final Logger LOG = LoggerFactory.getLogger(CentralTime.class);
    /** Backwards steps smaller than this are ordinary NTP slews, not worth a flag. */
    private static final Duration TOLERANCE = Duration.ofSeconds(2);

    /** What the sync screen shows. */
    public record Reading(Duration offset, Instant measuredAt, boolean wentBackwards) {
    }

    private final Clock local;
    private final DataSource replica;
    private volatile Duration offset;
    private volatile Instant measuredAt;
    private volatile boolean wentBackwards;
    private volatile Instant lastSeen;

    private CentralTime(Clock local, DataSource replica, Duration offset, Instant measuredAt) {
        this.local = local;
        this.replica = replica;
        this.offset = offset;
        this.measuredAt = measuredAt;
    }

    /** The business clock with the offset last measured, checking the local clock against the last time it saw. */
    public static CentralTime open(Clock local, DataSource replica) {
        try (Connection c = replica.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT clock_offset_ms, offset_measured_at, last_local_at FROM sync_state WHERE id = 1")) {
            rs.next();
            Timestamp measured = rs.getTimestamp(2);
            CentralTime time = new CentralTime(local, replica, Duration.ofMillis(rs.getLong(1)),
                    measured == null ? null : measured.toInstant());
            Timestamp lastLocal = rs.getTimestamp(3);
            if (lastLocal != null) {
                time.noteLocal(lastLocal.toInstant());
                time.lastSeen = lastLocal.toInstant();
            }
            return time;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the central time offset from the replica", e);
        }
    }

    /** Measures central's clock (the midpoint of the round trip) and keeps the offset; called after each sync. */
    public void measure(CentralClock central) throws SQLException {
        Instant before = local.instant();
        Instant centralNow = central.centralNow();
        Instant after = local.instant();
        Instant middle = before.plus(Duration.between(before, after).dividedBy(2));
        offset = Duration.between(middle, centralNow);
        measuredAt = centralNow;
        noteLocal(lastSeen == null ? after : lastSeen);
        lastSeen = after;
        try (Connection c = replica.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE sync_state SET clock_offset_ms = ?, offset_measured_at = ?, last_local_at = ? WHERE id = 1")) {
            ps.setLong(1, offset.toMillis());
            ps.setTimestamp(2, Timestamp.from(centralNow));
            ps.setTimestamp(3, Timestamp.from(after));
            ps.executeUpdate();
        }
    }

    private void noteLocal(Instant previouslySeen) {
        Instant now = local.instant();
        if (now.plus(TOLERANCE).isBefore(previouslySeen)) {
            if (!wentBackwards) {
                LOG.warn("The local clock went backwards: it says {} after {} was seen; timestamps use central's offset",
                        now, previouslySeen);
            }
            wentBackwards = true;
        }
    }

    /** Notes the local time now (persisted), flagging a clock that went backwards since the last note. */
    public void checkpoint() throws SQLException {
        Instant seen = lastSeen;
        if (seen != null) {
            noteLocal(seen);
        }
        Instant now = local.instant();
        lastSeen = now;
        try (Connection c = replica.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE sync_state SET last_local_at = ? WHERE id = 1")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    public Reading reading() {
        return new Reading(offset, measuredAt, wentBackwards);
    }

    @Override
    public Instant instant() {
        return local.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return local.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(local.withZone(zone), offset);
    }
}
