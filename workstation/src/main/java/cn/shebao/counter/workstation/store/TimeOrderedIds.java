package cn.shebao.counter.workstation.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then randomness. Generated on the
 * workstation so offline work needs no central round trip; time order keeps B-tree inserts local,
 * which matters for bulk loads into Derby.
 *
 * <p>Within one millisecond the 12-bit rand_a field is used as a counter, so ids from one generator
 * are strictly increasing. Not thread-safe by design: one generator per writer.
 */
public final class TimeOrderedIds {

    private final Clock clock;
    private final RandomGenerator random;
    private long lastMillis = -1;
    private int counter;

    public TimeOrderedIds(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    public static TimeOrderedIds system() {
        return new TimeOrderedIds(Clock.systemUTC(), new SecureRandom());
    }

    public UUID next() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = random.nextInt(1 << 11); // leave headroom so the counter rarely overflows
        } else {
            counter++;
            if (counter >= 1 << 12) { // more than ~2000 ids in one millisecond: borrow the next millisecond
                lastMillis++;
                counter = 0;
            }
        }
        long msb = (lastMillis << 16) | 0x7000L | counter;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
