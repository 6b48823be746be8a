package cn.shebao.counter.workstation.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter for retrying a push or pull: doubling from the base to the cap, each
 * delay drawn between half and all of its step, so many workstations coming back after an outage do not
 * hit central in lockstep.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;
    private int failures;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The wait before the next attempt, after one more failure. */
    public Duration nextDelay() {
        long step = Math.min(cap.toMillis(), base.toMillis() << Math.min(failures, 30));
        failures++;
        return Duration.ofMillis(step / 2 + random.nextLong(step / 2 + 1));
    }

    public void succeeded() {
        failures = 0;
    }
}
