package cn.shebao.counter.workstation.soak;

import cn.shebao.counter.workstation.testing.DiskLimit;
import cn.shebao.counter.workstation.testing.TcpProxy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Strikes the schedule's faults at their times and heals each when its time is up. Before it strikes it waits (a few
 * seconds at most) for its target to be at work, and writes down what was in flight when it struck, so the report
 * can show that every fault hit something and not an idle hall.
 */
final class FaultInjector {

    /** A fault as it happened: when, what it found in flight, and whether that was anything. */
    record Struck(Fault fault, Instant at, Instant healed, boolean hit, String inFlight) {
    }

    private static final Duration WAIT_FOR_WORK = Duration.ofSeconds(8);
    private static final long CLOCK_JUMP_SECONDS = 3 * 3600;

    private final Hall hall;
    private final List<Struck> struck = Collections.synchronizedList(new ArrayList<>());
    private volatile Instant lastHealed;

    FaultInjector(Hall hall) {
        this.hall = hall;
    }

    /** Runs the whole schedule from now; returns when the last fault has healed. */
    void run(List<Fault> schedule) throws Exception {
        Instant start = Instant.now();
        for (Fault f : schedule) {
            Duration wait = Duration.between(Instant.now(), start.plus(f.at()));
            if (!wait.isNegative()) {
                Thread.sleep(wait.toMillis()); // the schedule's time for this fault: the soak is timed by design
            }
            strike(f);
        }
        lastHealed = Instant.now();
    }

    Instant lastHealed() {
        return lastHealed;
    }

    List<Struck> struck() {
        synchronized (struck) {
            return List.copyOf(struck);
        }
    }

    private void strike(Fault f) throws Exception {
        BooleanSupplier busy = busy(f);
        long deadline = System.nanoTime() + WAIT_FOR_WORK.toNanos();
        while (!busy.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String inFlight = inFlight(f);
        boolean hit = busy.getAsBoolean();
        Instant at = Instant.now();
        System.out.println("soak: " + f + (hit ? "" : " (nothing in flight)"));
        apply(f);
        Thread.sleep(f.lasts().toMillis()); // the fault's own duration from the seeded schedule, not a wait for state
        heal(f);
        struck.add(new Struck(f, at, Instant.now(), hit, inFlight));
    }

    private BooleanSupplier busy(Fault f) {
        if (f.kind() == Fault.Kind.LINK_LOSE_REPLIES) {
            Window w = hall.windows().get(f.target());
            return () -> w.status().pending() > 0; // commands on their way: their answers are what gets lost
        }
        if (f.kind().onWorkstation()) {
            Window w = hall.windows().get(f.target());
            TcpProxy link = hall.windowLinks().get(f.target());
            return () -> w.inFlight() != null || w.status().pending() > 0 || link.openSockets() > 0;
        }
        // A service or the database: work anywhere in the hall passes through them.
        return () -> hall.windows().stream().anyMatch(w -> w.status().pending() > 0)
                || hall.databaseLink().openSockets() > 0 && hall.windows().stream().anyMatch(w -> w.inFlight() != null);
    }

    private String inFlight(Fault f) {
        List<String> parts = new ArrayList<>();
        for (Window w : hall.windows()) {
            if (!f.kind().onWorkstation() || w.index() == f.target()) {
                String op = w.inFlight();
                parts.add(w.code() + ": " + (op == null ? "idle" : op.split(" ")[0]) + ", " + w.status().pending() + " queued");
            }
        }
        if (f.kind().name().startsWith("DATABASE")) {
            parts.add(hall.databaseLink().openSockets() / 2 + " database connections");
        }
        return String.join("; ", parts);
    }

    private void apply(Fault f) throws Exception {
        switch (f.kind()) {
            case WORKSTATION_KILL -> window(f).process().kill();
            case WORKSTATION_FREEZE -> window(f).process().freeze();
            case SERVICE_KILL -> hall.services().get(f.target()).process().kill();
            case SERVICE_FREEZE -> hall.services().get(f.target()).process().freeze();
            case DATABASE_RESTART -> restartDatabase();
            case DATABASE_CUT -> hall.databaseLink().mode(TcpProxy.Mode.CUT);
            case DATABASE_BLACKHOLE -> hall.databaseLink().mode(TcpProxy.Mode.BLACKHOLE);
            case DATABASE_DELAY -> hall.databaseLink().delay(300);
            case LINK_CUT -> link(f).mode(TcpProxy.Mode.CUT);
            case LINK_BLACKHOLE -> link(f).mode(TcpProxy.Mode.BLACKHOLE);
            case LINK_DELAY -> link(f).delay(500);
            case LINK_LOSE_REPLIES -> link(f).mode(TcpProxy.Mode.DROP_REPLIES);
            case CLOCK_FORWARD -> window(f).jumpClock(CLOCK_JUMP_SECONDS);
            case CLOCK_BACK -> window(f).jumpClock(-CLOCK_JUMP_SECONDS);
            case DISK_FULL -> DiskLimit.fill(window(f).data());
        }
    }

    private void heal(Fault f) throws Exception {
        switch (f.kind()) {
            case WORKSTATION_KILL -> window(f).start();
            case WORKSTATION_FREEZE -> window(f).process().thaw();
            case SERVICE_KILL -> hall.services().get(f.target()).start();
            case SERVICE_FREEZE -> hall.services().get(f.target()).process().thaw();
            case DATABASE_RESTART -> { } // it came back within the restart command
            case DATABASE_CUT, DATABASE_BLACKHOLE, DATABASE_DELAY -> hall.databaseLink().mode(TcpProxy.Mode.PASS);
            case LINK_CUT, LINK_BLACKHOLE, LINK_DELAY, LINK_LOSE_REPLIES -> link(f).mode(TcpProxy.Mode.PASS);
            case CLOCK_FORWARD -> window(f).jumpClock(-CLOCK_JUMP_SECONDS);
            case CLOCK_BACK -> window(f).jumpClock(CLOCK_JUMP_SECONDS);
            case DISK_FULL -> DiskLimit.free(window(f).data());
        }
    }

    private Window window(Fault f) {
        return hall.windows().get(f.target());
    }

    private TcpProxy link(Fault f) {
        return hall.windowLinks().get(f.target());
    }

    private static void restartDatabase() throws IOException, InterruptedException {
        String command = System.getenv("SHEBAO_TEST_PG_RESTART");
        if (command == null) {
            throw new IllegalStateException("SHEBAO_TEST_PG_RESTART is not set: run the soak with scripts/test-postgres.sh's environment");
        }
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("restarting PostgreSQL failed: " + out);
        }
    }
}
