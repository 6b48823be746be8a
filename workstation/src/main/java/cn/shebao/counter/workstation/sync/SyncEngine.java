package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.store.DiskFull;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
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
    private volatile LongSupplier openConflicts = () -> 0;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sync-engine");
        t.setDaemon(true);
        return t;
    });
    /**
     * Watches the round in progress: a central that accepts connections but never answers (a frozen process, a
     * blackholed link) would otherwise show "online" until the request timed out, half a minute later.
     */
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sync-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final List<Consumer<Status>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Status>> roundEnds = new CopyOnWriteArrayList<>();
    private final Object publishing = new Object();
    private final Duration answerWithin;
    private volatile Status status;
    /** System.nanoTime() when the round in progress started; 0 between rounds. Guarded by {@link #publishing}. */
    private long roundStarted;
    /** Since when central has owed an answer (0: nothing owed); by default since the round began. */
    private static final LongSupplier DEFAULT_WAIT = () -> 0;
    private volatile LongSupplier waitingSince = DEFAULT_WAIT;

    /** Central not answering within {@value #DEFAULT_ANSWER_SECONDS} s of a round's start counts as offline. */
    public static final int DEFAULT_ANSWER_SECONDS = 5;

    public SyncEngine(Outbox outbox, Pusher pusher, Puller puller, Clock clock, Duration interval, Backoff backoff) {
        this(outbox, pusher, puller, clock, interval, backoff, Duration.ofSeconds(DEFAULT_ANSWER_SECONDS));
    }

    /**
     * @param answerWithin how long a round may go without finishing before the status says central is not
     *     answering (the round itself goes on until its requests time out)
     */
    public SyncEngine(Outbox outbox, Pusher pusher, Puller puller, Clock clock, Duration interval, Backoff backoff,
            Duration answerWithin) {
        this.answerWithin = answerWithin;
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
        long period = Math.max(200, answerWithin.toMillis() / 5);
        watchdog.scheduleWithFixedDelay(this::watch, period, period, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * While a round has gone unanswered longer than {@link #answerWithin}: offline, saying central does not answer,
     * with the queue counted again (the clerk's work keeps queuing meanwhile, and the count must show it).
     */
    private void watch() {
        try {
            Status before = status;
            synchronized (publishing) {
                if (roundStarted == 0 || !unanswered()) {
                    return;
                }
            }
            long pending = safePending();
            Instant oldest = safeOldest(before);
            synchronized (publishing) {
                if (roundStarted == 0 || (!before.online() && before.problem() == Problem.UNREACHABLE
                        && before.pending() == pending && Objects.equals(before.oldestPending(), oldest))) {
                    return; // the round ended meanwhile, or nothing new to say
                }
                if (before.online()) {
                    LOG.info("Central has not answered for {} s; shown offline while the round waits", answerWithin.toSeconds());
                }
                publishLocked(new Status(false, pending, before.lastPush(), before.lastPull(), Problem.UNREACHABLE,
                        "no answer from central within " + answerWithin.toSeconds() + " s", oldest, before.openConflicts()));
            }
        } catch (RuntimeException e) {
            LOG.warn("The sync watchdog failed this time", e);
        }
    }

    /**
     * Where the watchdog reads since when central has owed an answer ({@link ServiceClient#waitingSince()}), so a
     * round that is busy receiving page after page is not taken for a frozen central. Without it, the round's start.
     */
    public SyncEngine watchingAnswersOf(LongSupplier waitingSinceNanos) {
        this.waitingSince = waitingSinceNanos;
        return this;
    }

    private boolean unanswered() {
        long since = waitingSince.getAsLong();
        if (since == 0) {
            since = waitingSince == DEFAULT_WAIT ? roundStarted : 0;
        }
        return since != 0 && System.nanoTime() - since >= answerWithin.toNanos();
    }

    /** True while a round is waiting for central (tests and the sync screen). */
    public boolean roundInProgress() {
        synchronized (publishing) {
            return roundStarted != 0;
        }
    }

    /** Runs a cycle now, e.g. right after a local command or from the "sync now" button. */
    public void syncNow() {
        if (status.problem() == Problem.DISABLED) {
            return; // disabled by IT: nothing is sent until the workstation is enrolled again
        }
        try {
            executor.execute(this::runOnce);
        } catch (RejectedExecutionException closing) {
            // the workstation is shutting down
        }
    }

    public Status status() {
        return status;
    }

    public void addListener(Consumer<Status> listener) {
        listeners.add(listener);
    }

    /**
     * Work that belongs to every round (measuring central's clock, fetching the policy): run on the sync thread at
     * the end of each round, before its status is published, and watched like the round, so a central that freezes
     * during it is shown offline too. A failing hook is logged and does not change the round's outcome. Listeners,
     * by contrast, must only hand the status on (they are called while the status is being set).
     */
    public void atEachRoundEnd(Consumer<Status> hook) {
        roundEnds.add(hook);
    }

    private void finish(Status s) {
        for (Consumer<Status> hook : roundEnds) {
            try {
                hook.accept(s);
            } catch (RuntimeException e) {
                LOG.warn("A round-end task failed", e);
            }
        }
        publish(s);
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
            } catch (RejectedExecutionException closing) {
                // shut down between the check and the schedule: nothing more to do
            }
        }
    }

    /** One push-then-pull round; true when central answered throughout. */
    private boolean runOnce() {
        synchronized (publishing) {
            roundStarted = System.nanoTime();
        }
        try {
            return round();
        } finally {
            synchronized (publishing) {
                roundStarted = 0;
            }
        }
    }

    private boolean round() {
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
            finish(new Status(true, outbox.pendingCount(), pushed, clock.instant(), refusal == null ? null : Problem.REFUSED, refusal,
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
            finish(new Status(false, safePending(), before.lastPush(), before.lastPull(), problem, refused.code(),
                    safeOldest(before), safeConflicts(before)));
            return false;
        } catch (Exception e) {
            // Offline (or the replica itself failing): keep working locally, say which, and try again later. A full
            // disk is not "central unreachable": IT must look at this PC, not the network.
            Problem problem = DiskFull.causedBy(e) || readOnlyReplica(e)
                    ? Problem.STORAGE : Problem.UNREACHABLE;
            if (problem == Problem.STORAGE) {
                LOG.warn("The local database could not be written this round: {}", e.toString());
            } else {
                LOG.info("Central not reachable: {}", e.toString());
            }
            finish(new Status(false, safePending(), before.lastPush(), before.lastPull(), problem, e.toString(),
                    safeOldest(before), safeConflicts(before)));
            return false;
        }
    }

    private static boolean readOnlyReplica(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "25502".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Counts the open conflicts for the status; the replica holds them, so the count works offline too. */
    public SyncEngine countConflictsWith(LongSupplier counter) {
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

    /** A round's answer: it ends the watch in the same step, so the watchdog cannot cover it with its guess. */
    private void publish(Status s) {
        synchronized (publishing) {
            roundStarted = 0;
            publishLocked(s);
        }
    }

    /** Under {@link #publishing}, so the watchdog never overwrites a round's newer answer with its older guess. */
    private void publishLocked(Status s) {
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
        watchdog.shutdownNow();
        executor.shutdown();
        if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
