package cn.shebao.counter.workstation.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits on state, never on time: polls a condition until it holds, and fails naming what it waited for. */
public final class Eventually {

    private Eventually() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what);
            }
            Thread.sleep(50);
        }
    }
}
