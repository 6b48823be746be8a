package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.identity.IssuingGuardrail;
import cn.shebao.counter.workstation.wire.CentrePolicy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Stops issuing credentials when this workstation has been out of touch with central too long, or has too many
 * commands waiting: past those limits it cannot know what other windows did meanwhile. The last successful pull
 * is read from the replica, so the limit holds across restarts. The limits are the centre's ({@code policy.maxDaysOffline}
 * and {@code policy.maxPendingCommands} in central's configuration, kept from the last sync); IT may set stricter ones
 * for one machine in workstation.properties ({@code guardrail.maxDaysOffline}, {@code guardrail.maxPendingCommands}),
 * never looser ones: the stricter of the two applies, read at each check.
 */
final class SyncGuardrail implements IssuingGuardrail {

    record Limits(int maxDaysOffline, long maxPendingCommands) {

        /** The stricter of these and the centre's. */
        Limits within(CentrePolicy centre) {
            return new Limits(Math.min(maxDaysOffline, centre.maxDaysOffline()), Math.min(maxPendingCommands, centre.maxPendingCommands()));
        }

        static Limits read(Path propertiesFile) {
            Properties p = WorkstationProperties.read(propertiesFile);
            return new Limits(Integer.parseInt(p.getProperty("guardrail.maxDaysOffline", "3")),
                    Long.parseLong(p.getProperty("guardrail.maxPendingCommands", "200")));
        }
    }

    private final DataSource replica;
    private final Outbox outbox;
    private final Clock clock;
    private final Supplier<Limits> limitsNow;

    SyncGuardrail(DataSource replica, Outbox outbox, Clock clock, Limits limits) {
        this(replica, outbox, clock, () -> limits);
    }

    SyncGuardrail(DataSource replica, Outbox outbox, Clock clock, Supplier<Limits> limits) {
        this.replica = replica;
        this.outbox = outbox;
        this.clock = clock;
        this.limitsNow = limits;
    }

    @Override
    public void check() {
        Limits limits = limitsNow.get();
        Instant last = lastSuccessfulPull();
        long days = last == null ? Long.MAX_VALUE : Duration.between(last, clock.instant()).toDays();
        if (days >= limits.maxDaysOffline()) {
            throw new LocalizedException("guardrail.offlineTooLong", last == null ? "∞" : Long.toString(days), limits.maxDaysOffline());
        }
        long pending = outbox.pendingCount();
        if (pending > limits.maxPendingCommands()) {
            throw new LocalizedException("guardrail.queueTooLong", pending, limits.maxPendingCommands());
        }
    }

    private Instant lastSuccessfulPull() {
        try (Connection c = replica.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT last_pull_at FROM sync_state WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
            return t == null ? null : t.toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the sync state", e);
        }
    }
}
