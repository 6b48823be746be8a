package cn.shebao.counter.workstation.soak;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one soak run does: its seed (the workload and the fault schedule both follow from it, so a failing run can
 * be replayed), how long faults strike, how many, and the size of the hall.
 *
 * @param brokenApplier runs the central service with its duplicate check switched off (a test-only switch), to
 *     prove the checker finds what such a bug does
 */
public record SoakPlan(long seed, Duration faultPhase, int faults, int workstations, int persons, Path work, boolean brokenApplier,
        java.util.List<Fault.Kind> kinds) {

    /** The central seed's demo staff are the soak's clerks and supervisors. */
    static final long CENTRAL_SEED = 7;
    /** The special drug every soak application asks for (one drug: overlapping approvals are the invariant to break). */
    static final String DRUG_CODE = "TY-XD-008";

    public SoakPlan {
        kinds = java.util.List.copyOf(kinds);
        if (workstations < 2 || workstations > 3) {
            throw new IllegalArgumentException("2 or 3 workstations (the demo staff has three clerks)");
        }
    }

    /** The default run: about 30 minutes of faults, at least 200 of them. */
    public static SoakPlan standard(long seed, Path work) {
        return new SoakPlan(seed, Duration.ofMinutes(30), 220, 3, 400, work, false, Fault.Kind.runnableHere());
    }

    /** The CI run: a few minutes, at least 20 faults, every kind the schedule knows. */
    public static SoakPlan shortRun(long seed, Path work) {
        return new SoakPlan(seed, Duration.ofMinutes(3), 26, 3, 200, work, false, Fault.Kind.runnableHere());
    }

    /**
     * The broken central, and the faults that make a workstation send a command again (an answer lost to a kill or a
     * cut): what a forgotten duplicate check trips over.
     */
    public SoakPlan withBrokenApplier() {
        return new SoakPlan(seed, Duration.ofSeconds(90), 12, workstations, persons, work, true,
                java.util.List.of(Fault.Kind.LINK_LOSE_REPLIES, Fault.Kind.WORKSTATION_KILL));
    }
}
