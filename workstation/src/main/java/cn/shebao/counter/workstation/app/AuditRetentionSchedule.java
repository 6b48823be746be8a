package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.audit.AuditRetention;
import java.time.Duration;
import java.time.Period;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prunes the replica's audit on a schedule when the centre set a retention period ({@code audit.retentionMonths} in
 * workstation.properties, at least six months): once shortly after start and then daily, on a thread of its own, so a
 * counter that runs for months keeps its replica small without anyone remembering the command. Without the setting
 * nothing is pruned (central keeps every event regardless; the replica keeping more costs only disk).
 */
final class AuditRetentionSchedule implements AutoCloseable {

    static final String KEY = "audit.retentionMonths";
    private static final Logger LOG = LoggerFactory.getLogger(AuditRetentionSchedule.class);

    private final AuditRetention retention;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "audit-retention");
        t.setDaemon(true);
        return t;
    });

    AuditRetentionSchedule(AuditRetention retention) {
        this.retention = retention;
    }

    /**
     * The configured period; empty when not set. A value that is not a number of months, or is shorter than the law
     * allows, is logged and nothing is pruned: keeping events too long is the safe mistake.
     */
    static Optional<Period> configured(Properties p) {
        String value = p.getProperty(KEY);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        int months;
        try {
            months = Integer.parseInt(value.strip());
        } catch (NumberFormatException bad) {
            LOG.warn("{} in workstation.properties is not a number of months; the audit is not pruned", KEY);
            return Optional.empty();
        }
        if (months < AuditRetention.MINIMUM.toTotalMonths()) {
            LOG.warn("{}={} is shorter than the {} months the law requires; the audit is not pruned", KEY, months,
                    AuditRetention.MINIMUM.toTotalMonths());
            return Optional.empty();
        }
        return Optional.of(Period.ofMonths(months));
    }

    void start(Duration first, Duration every) {
        timer.scheduleWithFixedDelay(this::runOnce, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pruning; a failure is logged and the next day tries again (a failure never stops the schedule). */
    AuditRetention.Pruned runOnce() {
        try {
            AuditRetention.Pruned pruned = retention.prune();
            if (pruned.events() > 0) {
                LOG.info("Audit retention: {} events up to sequence {} left the replica (central keeps them)", pruned.events(),
                        pruned.upToSequence());
            }
            return pruned;
        } catch (RuntimeException e) { // uncaught, it would end the schedule without a word

            LOG.error("Audit retention failed; it is tried again at the next run", e);
            return new AuditRetention.Pruned(0, -1);
        }
    }

    /**
     * Lets a pruning under way finish its batch (no interrupt: Derby closes its files on an interrupted I/O), then stops.
     */
    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("Audit retention still running after 30 s at shutdown; the replica closes under it (each batch is one transaction)");
        }
    }
}
