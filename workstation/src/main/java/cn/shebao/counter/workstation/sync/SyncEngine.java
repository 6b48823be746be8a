package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.command.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background sync: push, then pull, every few seconds, on its own thread. Success means online; a failure
 * means offline, and the next attempt waits with exponential backoff and jitter. The clerk does nothing:
 * local work continues against the replica and the queue drains when central is reachable again.
 */
public final class SyncEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    private static final int PUSH_BATCH = 200;

    /** Why the last round did not complete; each has a translated message {@code sync.problem.<name>}. */
    public enum Problem {
        /** Central could not be reached (network, server down); work continues locally. */
        UNREACHABLE,
        /** Central answered but refused a command (a gap, an unknown newer command type): the queue waits. */
        REFUSED,
        /** IT revoked this workstation's certificate (or central does not know it): sync stops until re-enrolment. */
        DISABLED,
        /** The central service speaks another API version: one side needs an upgrade. */
        INCOMPATIBLE,
        /** This machine's own replica could not be written (a full disk): nothing to do with central. */
        STORAGE
    }

    /**
     * What the status bar and the sync screen show.
     *
     * @param problem null when the last round went through; {@code detail} is technical, for IT and the log
     */
    /**
     * What the status bar and the sync screen show.
     *
     * @param oldestPending when the oldest command still waiting was queued; null when none waits
     * @param openConflicts conflicts central found that no supervisor has resolved yet
     */
    public record Status(boolean online, long pending, Instant lastPush, Instant lastPull, Problem problem, String detail,
            Instant oldestPending, long openConflicts) {
    }

    private final Outbox outbox;
    private final Pusher pusher;
    private final Puller puller;
    private final Clock clock;
    private final Duration interval;
    private final Backoff backoff;
    private volatile java.util.function.LongSupplier openConflicts = () -> 0;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sync-engine");
        t.setDaemon(true);
        return t;
    });
    private final List<Consumer<Status>> listeners = new CopyOnWriteArrayList<>();
    private volatile Status status;

    public SyncEngine(Outbox outbox, Pusher pusher, Puller puller, Clock clock, Duration interval, Backoff backoff) {
        this.outbox = outbox;
        this.pusher = pusher;
        this.puller = puller;
        this.clock = clock;
        this.interval = interval;
        this.backoff = backoff;
        this.status = new Status(false, 0, null, null, null, null, null, 0);
    }

    public SyncEngine start() {
        executor.execute(this::cycle);
        return this;
    }

    /** Runs a cycle now, e.g. right after a local command or from the "sync now" button. */
    public void syncNow() {
        if (status.problem() == Problem.DISABLED) {
            return; // disabled by IT: nothing is sent until the workstation is enrolled again
        }
        try {
            executor.execute(this::runOnce);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the workstation is shutting down
        }
    }

    public Status status() {
        return status;
    }

    public void addListener(Consumer<Status> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Status> listener) {
        listeners.remove(listener);
    }

    private void cycle() {
        Duration next = runOnce() ? interval : backoff.nextDelay();
        if (status.problem() == Problem.DISABLED) {
            LOG.warn("This workstation was disabled by IT at central; background sync stops");
            return;
        }
        if (!executor.isShutdown()) {
            try {
                executor.schedule(this::cycle, next.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // shut down between the check and the schedule: nothing more to do
            }
        }
    }

    /** One push-then-pull round; true when central answered throughout. */
    private boolean runOnce() {
        Status before = status;
        try {
            Pusher.Report report;
            do {
                report = pusher.push(PUSH_BATCH);
                if (report.error() != null) {
                    throw report.error();
                }
            } while (report.complete() && report.acknowledged() == PUSH_BATCH);
            Instant pushed = clock.instant();
            String refusal = report.refusal() == null ? null : report.refusal().status() + " " + report.refusal().detail();
            puller.pullAll();
            backoff.succeeded();
            publish(new Status(true, outbox.pendingCount(), pushed, clock.instant(), refusal == null ? null : Problem.REFUSED, refusal,
                    outbox.oldestPendingAt(), openConflicts.getAsLong()));
            return true;
        } catch (ServiceClient.ServiceRefusal refused) {
            // Only a revoked or unknown machine is disabled for good; anything else (a batch signature the service
            // could not verify, a certificate it did not get) is retried with backoff and shown.
            Problem problem = switch (refused.code()) {
                case "API_VERSION" -> Problem.INCOMPATIBLE;
                case "NODE_REVOKED", "NODE_UNKNOWN" -> Problem.DISABLED;
                default -> Problem.REFUSED;
            };
            LOG.warn("The central service refused this workstation: {}", refused.code());
            publish(new Status(false, safePending(), before.lastPush(), before.lastPull(), problem, refused.code(),
                    safeOldest(before), safeConflicts(before)));
            return false;
        } catch (Exception e) {
            // Offline (or the replica itself failing): keep working locally, say which, and try again later. A full
            // disk is not "central unreachable": IT must look at this PC, not the network.
            Problem problem = cn.shebao.counter.workstation.store.DiskFull.causedBy(e) || readOnlyReplica(e)
                    ? Problem.STORAGE : Problem.UNREACHABLE;
            if (problem == Problem.STORAGE) {
                LOG.warn("The local database could not be written this round: {}", e.toString());
            } else {
                LOG.info("Central not reachable: {}", e.toString());
            }
            publish(new Status(false, safePending(), before.lastPush(), before.lastPull(), problem, e.toString(),
                    safeOldest(before), safeConflicts(before)));
            return false;
        }
    }

    private static boolean readOnlyReplica(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "25502".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Counts the open conflicts for the status; the replica holds them, so the count works offline too. */
    public SyncEngine countConflictsWith(java.util.function.LongSupplier counter) {
        this.openConflicts = counter;
        return this;
    }

    private Instant safeOldest(Status before) {
        try {
            return outbox.oldestPendingAt();
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the oldest pending command", e);
            return before.oldestPending();
        }
    }

    private long safeConflicts(Status before) {
        try {
            return openConflicts.getAsLong();
        } catch (RuntimeException e) {
            LOG.warn("Cannot count open conflicts", e);
            return before.openConflicts();
        }
    }

    private long safePending() {
        try {
            return outbox.pendingCount();
        } catch (RuntimeException e) {
            LOG.warn("Cannot count pending commands", e);
            return status.pending();
        }
    }

    private void publish(Status s) {
        status = s;
        for (Consumer<Status> l : listeners) {
            l.accept(s);
        }
    }

    /**
     * Stops after the round in progress. Not by interrupting it: Derby closes a connection whose thread is
     * interrupted mid-statement, which would turn a clean exit into errors in the log.
     */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
