package cn.shebao.counter.workstation.soak;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A machine clock the soak can set wrong: the real clock plus an offset that a fault moves forwards or backwards, as
 * a machine whose clock was set by hand or whose battery died would. The workstation's business clock corrects it by
 * the offset to central it measures at each sync; between the jump and that sync it is wrong, which is the point.
 */
final class JumpingClock extends Clock {

    private final Clock real;
    private final AtomicReference<Duration> offset;

    JumpingClock(Clock real) {
        this(real, new AtomicReference<>(Duration.ZERO));
    }

    private JumpingClock(Clock real, AtomicReference<Duration> offset) {
        this.real = real;
        this.offset = offset;
    }

    void jump(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new JumpingClock(real.withZone(zone), offset); // one machine, one wrong clock
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset.get());
    }
}
