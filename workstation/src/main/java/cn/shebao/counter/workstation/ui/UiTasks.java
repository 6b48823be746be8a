package cn.shebao.counter.workstation.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One screen's background work, in the manner of JOSM's sequential worker: one thread per screen runs the screen's
 * requests in the order they were made (a search and the open it leads to never overtake each other), and each
 * {@link Lane} delivers only its latest request's answer on the Event Dispatch Thread. An answer to a request that a
 * newer one in the same lane superseded, or that was cancelled, is dropped (logged, never shown): a second card read
 * while the first is still being looked up shows the second card only.
 *
 * <p>Threads: {@link #run}, {@link Lane#run}, {@link Lane#cancel} and {@link Lane#busy} on the Event Dispatch Thread; the work on the
 * screen's worker thread, which ends itself when idle.
 */
public final class UiTasks {

    private static final Logger LOG = LoggerFactory.getLogger(UiTasks.class);

    private final ThreadPoolExecutor worker;

    public UiTasks(String screen) {
        worker = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "ui-" + screen);
            t.setDaemon(true);
            return t;
        });
        worker.allowCoreThreadTimeOut(true);
    }

    /**
     * Queues {@code work} behind this screen's earlier requests; its answer, or its failure (never swallowed), always
     * reaches {@code onSuccess} or {@code onFailure} on the EDT. For writes and other requests no later one replaces:
     * a credential issued must reach its slip whatever the clerk did meanwhile. Requests whose answers replace each
     * other use a {@link #lane()}.
     */
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        requireEdt();
        submit(work, (answer, error) -> hand(answer, error, onSuccess, onFailure));
    }

    private static <T> void hand(T answer, Throwable error, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (error != null) {
            onFailure.accept(error);
        } else {
            onSuccess.accept(answer);
        }
    }

    /** What the EDT does with an answer: the result, or the failure (then the result is null). */
    private interface Delivery<T> {
        void deliver(T answer, Throwable error);
    }

    /** Runs {@code work} on the screen's worker and hands its outcome, whatever it is, to {@code delivery} on the EDT. */
    private <T> Future<?> submit(Callable<T> work, Delivery<T> delivery) {
        return worker.submit(() -> {
            T result = null;
            Throwable failure = null;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                failure = e;
            }
            T answer = result;
            Throwable error = failure;
            SwingUtilities.invokeLater(() -> delivery.deliver(answer, error));
        });
    }

    private static void requireEdt() {
        if (!SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("UiTasks are used on the Event Dispatch Thread");
        }
    }

    /** A kind of request on this screen whose answers replace each other (the card lookup, the record opening). */
    public Lane lane() {
        return new Lane();
    }

    /** One kind of request: only the latest one's answer is delivered. */
    public final class Lane {

        private long latest;
        private long delivered;
        private Future<?> running;

        private Lane() {
        }

        /**
         * Queues {@code work} behind this screen's earlier requests and supersedes this lane's earlier one; the answer
         * (or the failure, never swallowed) reaches {@code onSuccess} or {@code onFailure} on the EDT unless superseded.
         */
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            requireEdt();
            long ticket = ++latest;
            running = submit(work, (answer, error) -> deliver(ticket, answer, error, onSuccess, onFailure));
        }

        private <T> void deliver(long ticket, T answer, Throwable error, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            if (ticket != latest) {
                if (error != null) {
                    LOG.info("A superseded request failed; its failure is not shown", error);
                } else {
                    LOG.debug("Dropped the answer to a superseded request");
                }
                return;
            }
            delivered = ticket;
            hand(answer, error, onSuccess, onFailure);
        }

        /**
         * Drops the answer of whatever this lane asked last, and its work too if it has not started. Work already
         * running is left to finish, not interrupted: an interrupt inside Derby's file channels can close the
         * database under every other screen.
         */
        public void cancel() {
            requireEdt();
            latest++;
            delivered = latest;
            if (running != null) {
                running.cancel(false);
            }
        }

        /** True while this lane's latest request has not answered yet. */
        public boolean busy() {
            requireEdt();
            return delivered != latest;
        }
    }
}
