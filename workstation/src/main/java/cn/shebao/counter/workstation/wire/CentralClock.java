package cn.shebao.counter.workstation.wire;

import java.time.Instant;

/** Central's clock, read once per sync round so the workstation's business clock follows central's. */
@FunctionalInterface
public interface CentralClock {

    Instant centralNow();
}
