package cn.shebao.counter.workstation.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The screen's worker: in order, the latest answer of a lane only, failures delivered, cancelled work dropped. */
class UiTasksTest {

    private final UiTasks tasks = new UiTasks("test");
    private final List<String> shown = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @Test
    void aSecondRequestSupersedesTheFirstWhoseAnswerIsDropped() throws Exception {
        UiTasks.Lane cards = onEdt(tasks::lane);
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        onEdt(() -> {
            cards.run(() -> {
                firstStarted.countDown();
                assertThat(releaseFirst.await(30, TimeUnit.SECONDS)).isTrue();
                return "first card";
            }, shown::add, failures::add);
            return null;
        });
        assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
        onEdt(() -> {
            cards.run(() -> "second card", shown::add, failures::add);
            assertThat(cards.busy()).isTrue();
            return null;
        });
        releaseFirst.countDown();
        awaitIdle(cards);
        assertThat(shown).containsExactly("second card");
        assertThat(failures).isEmpty();
    }

    @Test
    void requestsOfDifferentLanesRunInTheOrderTheyWereMadeAndEachIsDelivered() throws Exception {
        UiTasks.Lane search = onEdt(tasks::lane);
        UiTasks.Lane open = onEdt(tasks::lane);
        List<String> ran = new CopyOnWriteArrayList<>();
        onEdt(() -> {
            search.run(() -> {
                ran.add("search");
                return "found";
            }, shown::add, failures::add);
            open.run(() -> {
                ran.add("open");
                return "opened";
            }, shown::add, failures::add);
            return null;
        });
        awaitIdle(search);
        awaitIdle(open);
        assertThat(ran).containsExactly("search", "open");
        assertThat(shown).containsExactly("found", "opened");
    }

    @Test
    void aFailureReachesTheScreenOnTheEventDispatchThread() throws Exception {
        UiTasks.Lane lane = onEdt(tasks::lane);
        AtomicBoolean onEdt = new AtomicBoolean();
        onEdt(() -> {
            lane.<String>run(() -> {
                throw new IllegalStateException("database gone");
            }, shown::add, e -> {
                onEdt.set(SwingUtilities.isEventDispatchThread());
                failures.add(e);
            });
            return null;
        });
        awaitIdle(lane);
        assertThat(failures).singleElement().satisfies(e -> assertThat(e).hasMessage("database gone"));
        assertThat(onEdt).isTrue();
        assertThat(shown).isEmpty();
    }

    @Test
    void cancelledWorkThatHasNotStartedNeverRunsAndItsAnswerIsNeverShown() throws Exception {
        UiTasks.Lane blocker = onEdt(tasks::lane);
        UiTasks.Lane lane = onEdt(tasks::lane);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean ran = new AtomicBoolean();
        onEdt(() -> {
            blocker.run(() -> release.await(30, TimeUnit.SECONDS), ok -> shown.add("blocker"), failures::add);
            lane.run(() -> {
                ran.set(true);
                return "cancelled";
            }, shown::add, failures::add);
            lane.cancel();
            assertThat(lane.busy()).isFalse();
            return null;
        });
        release.countDown();
        awaitIdle(blocker);
        // A request queued after the cancelled one runs: the worker moved past it.
        onEdt(() -> {
            lane.run(() -> "after", shown::add, failures::add);
            return null;
        });
        awaitIdle(lane);
        assertThat(ran).isFalse();
        assertThat(shown).containsExactly("blocker", "after");
    }

    @Test
    void laneMethodsRefuseToRunOffTheEventDispatchThread() throws Exception {
        UiTasks.Lane lane = onEdt(tasks::lane);
        assertThatThrownBy(() -> lane.run(() -> "x", shown::add, failures::add)).isInstanceOf(IllegalStateException.class);
    }

    /** A write's answer is never dropped: two issued one after the other both reach the screen, in order, on the EDT. */
    @Test
    void unlanedRequestsAreEachDeliveredInOrderAndTheirFailuresToo() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch delivered = new CountDownLatch(3);
        List<Boolean> onEdt = new CopyOnWriteArrayList<>();
        onEdt(() -> {
            tasks.run(() -> {
                assertThat(releaseFirst.await(30, TimeUnit.SECONDS)).isTrue();
                return "first slip";
            }, answer -> {
                onEdt.add(SwingUtilities.isEventDispatchThread());
                shown.add(answer);
                delivered.countDown();
            }, failures::add);
            tasks.<String>run(() -> {
                throw new IllegalStateException("printer gone");
            }, shown::add, error -> {
                onEdt.add(SwingUtilities.isEventDispatchThread());
                failures.add(error);
                delivered.countDown();
            });
            tasks.run(() -> "second slip", answer -> {
                shown.add(answer);
                delivered.countDown();
            }, failures::add);
            return null;
        });
        releaseFirst.countDown();
        assertThat(delivered.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(shown).containsExactly("first slip", "second slip");
        assertThat(failures).extracting(Throwable::getMessage).containsExactly("printer gone");
        assertThat(onEdt).containsOnly(true).hasSize(2);
        assertThatThrownBy(() -> tasks.run(() -> "off the EDT", shown::add, failures::add)).isInstanceOf(IllegalStateException.class);
    }

    private static void awaitIdle(UiTasks.Lane lane) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (onEdt(lane::busy)) {
            assertThat(System.nanoTime()).as("lane idle within 30 s").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)); // poll the state, never a fixed wait for it
        }
    }

    private static <T> T onEdt(java.util.concurrent.Callable<T> action) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(action.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }
}
