package cn.shebao.counter.workstation.soak;

import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hibernate.SessionFactory;

/**
 * One soak run from set-up to verdict: the hall up, the workload and the fault schedule together, then the faults
 * stop, everything heals and drains, the workstations close, and the checker reads what is stored. The long run is
 * {@code scripts/soak.sh}; a short one is a CI test ({@code ShortSoakTest}).
 */
public final class SoakRun {

    /** Once a second: how many operations the hall has answered so far, and how many commands wait to be pushed. */
    record Sample(Duration at, long operations, long queued) {
    }

    /** Everything the report says. */
    record Result(SoakPlan plan, List<Fault> schedule, List<FaultInjector.Struck> struck, List<Workload.Operation> operations,
            List<Sample> samples, Duration drain, List<SoakChecker.Anomaly> anomalies, SoakChecker.Counts counts, Instant started,
            Duration total) {
    }

    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(10);

    private SoakRun() {
    }

    public static Result run(SoakPlan plan) throws Exception {
        Instant started = Instant.now();
        // The checker opens every replica in this JVM, and Derby takes its home and error log from the first: not a
        // window's own disk, which Derby would then hold open until this JVM ends (the unmount at the end found it busy).
        Files.createDirectories(plan.work().resolve("logs"));
        if (System.getProperty("derby.system.home") == null) {
            System.setProperty("derby.system.home", plan.work().toString());
        }
        if (System.getProperty("derby.stream.error.file") == null && System.getProperty("derby.stream.error.method") == null) {
            System.setProperty("derby.stream.error.file", plan.work().resolve("logs/checker-derby.log").toString());
        }
        List<Fault> schedule = FaultSchedule.draw(plan, 2);
        System.out.println("soak: seed " + plan.seed() + ", " + schedule.size() + " faults over " + plan.faultPhase().toSeconds() + " s:");
        schedule.forEach(f -> System.out.println("  " + f));
        try (Hall hall = new Hall(plan)) {
            hall.setUp();
            List<Workload.Person> people;
            try (SessionFactory central = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).create(hall.database().dataSource())) {
                // A small pool, so that windows keep meeting the same citizens.
                people = central.fromTransaction(s -> s.createSelectionQuery("from InsuredPerson p where exists (select 1 from"
                        + " InsuranceParticipation i where i.personId = p.id and i.insuranceType = 'MEDICAL' and i.status = 'ACTIVE')"
                        + " order by p.citizenIdNumber", InsuredPerson.class).setMaxResults(40).getResultList()).stream()
                        .map(Workload.Person::of).toList();
            }
            Workload workload = new Workload(hall.windows(), people, plan.seed());
            FaultInjector faults = new FaultInjector(hall);
            List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
            Instant phase = Instant.now();
            Thread sampler = sampler(hall, workload, samples, phase);
            workload.start();
            faults.run(schedule);
            workload.stop();
            Duration drain = drain(hall);
            System.out.println(drain == null ? "soak: NOT drained" : "soak: drained " + drain.toMillis() + " ms after the last fault healed");
            sampler.interrupt();
            for (Window w : hall.windows()) {
                w.quit();
            }
            SoakChecker checker = new SoakChecker(hall.database().dataSource());
            for (Window w : hall.windows()) {
                checker.checkWorkstation(w.code(), plan.work().resolve("ws-" + (w.index() + 1)));
            }
            SoakChecker.Counts counts = checker.invariants();
            List<SoakChecker.Anomaly> anomalies = new ArrayList<>(checker.anomalies());
            if (drain == null) {
                anomalies.add(0, new SoakChecker.Anomaly("NOT_DRAINED", "queues still waiting after the last fault: "
                        + hall.windows().stream().map(w -> w.code() + " " + w.status()).toList()));
            }
            synchronized (samples) {
                return new Result(plan, schedule, faults.struck(), workload.history(), List.copyOf(samples), drain, anomalies, counts,
                        started, Duration.between(started, Instant.now()));
            }
        }
    }

    /**
     * Waits until every window has pushed everything and has pulled after the moment the last push went in; the time
     * that took, or null past the limit.
     */
    private static Duration drain(Hall hall) throws InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(DRAIN_LIMIT);
        Instant refusedSince = null;
        while (Instant.now().isBefore(deadline)) {
            hall.windows().forEach(w -> w.send("SYNC"));
            if (hall.windows().stream().allMatch(w -> w.ready() && w.status().pending() == 0 && "null".equals(w.status().problem()))) {
                break;
            }
            // A queue central refuses does not clear by waiting (a refusal is not a network weather): give up after a minute.
            boolean refused = hall.windows().stream().anyMatch(w -> "REFUSED".equals(w.status().problem()));
            refusedSince = refused ? (refusedSince == null ? Instant.now() : refusedSince) : null;
            if (refusedSince != null && Duration.between(refusedSince, Instant.now()).toSeconds() >= 60) {
                return null;
            }
            Thread.sleep(500);
        }
        // Pushed everywhere: central has every change. Each window then needs one pull that began after that.
        List<Long> asOf = new ArrayList<>();
        for (Window w : hall.windows()) {
            asOf.add(w.status().now());
        }
        while (Instant.now().isBefore(deadline)) {
            boolean pulled = true;
            for (Window w : hall.windows()) {
                w.send("SYNC");
                pulled &= w.status().lastPull() > asOf.get(w.index()) && w.status().pending() == 0;
            }
            if (pulled) {
                return Duration.between(start, Instant.now());
            }
            Thread.sleep(500);
        }
        return null;
    }

    private static Thread sampler(Hall hall, Workload workload, List<Sample> samples, Instant phase) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long queued = hall.windows().stream().mapToLong(w -> w.status().pending()).sum();
                samples.add(new Sample(Duration.between(phase, Instant.now()), workload.history().size(), queued));
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "soak-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** {@code scripts/soak.sh}: args seed, minutes, faults, report directory; exit 1 when any anomaly was found. */
    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : System.currentTimeMillis() % 100_000;
        Path work = Path.of(args.length > 3 ? args[3] : "target/soak").toAbsolutePath().resolve("run-" + seed);
        SoakPlan standard = SoakPlan.standard(seed, work);
        SoakPlan plan = new SoakPlan(seed, args.length > 1 ? Duration.ofMinutes(Long.parseLong(args[1])) : standard.faultPhase(),
                args.length > 2 ? Integer.parseInt(args[2]) : standard.faults(), 3, standard.persons(), work, false, standard.kinds());
        Result result = run(plan);
        Path reports = Path.of(args.length > 4 ? args[4] : "docs/soak");
        Path written = SoakReport.write(result, reports);
        System.out.println("soak: report " + written);
        result.anomalies().forEach(a -> System.out.println("ANOMALY " + a));
        System.exit(result.anomalies().isEmpty() ? 0 : 1); // scripts/soak.sh's verdict; child JVMs are gone by now
    }
}
