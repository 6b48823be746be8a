package cn.shebao.counter.workstation.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The faults of a run, drawn from its seed: spread evenly over the fault phase with jitter, every kind in turn first
 * (so even a short run has each kind at least once) and then at random, each lasting a few seconds. Printed before
 * the run so a failure can be replayed from the seed alone.
 */
final class FaultSchedule {

    private FaultSchedule() {
    }

    static List<Fault> draw(SoakPlan plan, int services) {
        SplittableRandom random = new SplittableRandom(plan.seed());
        Fault.Kind[] kinds = plan.kinds().toArray(Fault.Kind[]::new);
        long phase = plan.faultPhase().toMillis();
        long step = phase / (plan.faults() + 1);
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < plan.faults(); i++) {
            Fault.Kind kind = i < kinds.length ? kinds[i] : kinds[random.nextInt(kinds.length)];
            int target = kind.onWorkstation() ? random.nextInt(plan.workstations()) : kind.onService() ? random.nextInt(services) : 0;
            long at = step * (i + 1) + random.nextLong(-step / 3, step / 3 + 1);
            // Long enough to outlast a request timeout now and then, short enough that the next fault finds a hall at work.
            long lasts = Math.min(step * 2 / 3, 1_000 + random.nextLong(7_000));
            faults.add(new Fault(Duration.ofMillis(at), kind, target, Duration.ofMillis(lasts)));
        }
        return faults;
    }
}
