package cn.shebao.counter.workstation.soak;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The runner's side of one soak workstation ({@link SoakAgent} in a child JVM): starts it and waits until it is ready,
 * sends one operation at a time and waits for its answer, and keeps the last status it reported. An operation the
 * process died under is answered INTERRUPTED: the kill hit it.
 */
final class Window {

    /** What the status line said last. */
    record Status(long pending, boolean online, String problem, long lastPull, long now) {
    }

    private final int index;
    private final String code;
    private final ChildProcess process;
    private final Map<String, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile CountDownLatch ready = new CountDownLatch(1);
    private volatile Status status = new Status(0, false, "null", 0, 0);
    private volatile String inFlight;
    /** The machine clock's error now; a wrong clock stays wrong across a restart, as a machine's would. */
    private volatile long clockOffsetSeconds;
    private final Path data;

    Window(int index, String code, Path data, String clerk, String supervisor, Path log, List<String> jvmOptions) {
        this.index = index;
        this.code = code;
        this.data = data;
        this.process = new ChildProcess(code, jvmOptions, SoakAgent.class.getName(), List.of(data.toString(), clerk, supervisor),
                Map.of(), log, this::line);
    }

    int index() {
        return index;
    }

    String code() {
        return code;
    }

    /** The workstation's data directory (its own file system where the disk can fill). */
    Path data() {
        return data;
    }

    ChildProcess process() {
        return process;
    }

    Status status() {
        return status;
    }

    /** The operation sent and not answered yet, or null. */
    String inFlight() {
        return inFlight;
    }

    void start() throws IOException, InterruptedException {
        ready = new CountDownLatch(1);
        process.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!ready.await(200, TimeUnit.MILLISECONDS)) {
            if (!process.alive()) {
                throw new IllegalStateException(code + " ended before it was ready (see its log)");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(code + " did not start within 180 s (see its log)");
            }
        }
        if (clockOffsetSeconds != 0) {
            process.send("CLOCK " + clockOffsetSeconds);
        }
    }

    /** Moves the machine clock by that much (negative: backwards). */
    void jumpClock(long seconds) {
        clockOffsetSeconds += seconds;
        process.send("CLOCK " + seconds);
    }

    boolean ready() {
        return ready.getCount() == 0 && process.alive();
    }

    private void line(String line) {
        if (line.equals("READY")) {
            ready.countDown();
        } else if (line.startsWith("STATUS ")) {
            Map<String, String> f = new java.util.HashMap<>();
            for (String part : line.substring(7).split(" ")) {
                String[] kv = part.split("=", 2);
                f.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
            status = new Status(Long.parseLong(f.get("pending")), Boolean.parseBoolean(f.get("online")), f.get("problem"),
                    Long.parseLong(f.get("lastPull")), Long.parseLong(f.get("now")));
        } else if (line.startsWith("#closed")) {
            waiting.values().forEach(w -> w.complete("INTERRUPTED"));
        } else {
            int space = line.indexOf(' ');
            CompletableFuture<String> w = space > 0 ? waiting.remove(line.substring(0, space)) : null;
            if (w != null) {
                w.complete(line.substring(space + 1));
            }
        }
    }

    /**
     * Sends an operation and waits for its answer: "OK ...", "REFUSED key", "ERROR ...", or "INTERRUPTED" when the
     * process died under it, or "TIMEOUT" when no answer came in time (a frozen process).
     */
    String call(String operation, Duration timeout) throws InterruptedException {
        String id = Long.toString(ids.incrementAndGet());
        CompletableFuture<String> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        inFlight = operation;
        try {
            if (!process.alive()) {
                System.out.println("soak: " + code + " #" + id + " " + kind(operation) + " not sent: the process is gone");
                return "INTERRUPTED";
            }
            process.send(id + " " + operation);
            String got = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (got.equals("INTERRUPTED")) {
                System.out.println("soak: " + code + " #" + id + " " + kind(operation) + " interrupted: the process ended under it");
            }
            return got;
        } catch (TimeoutException e) {
            // Named with its id, so the workstation's log shows what it was doing (a frozen step is a clerk's frozen screen).
            System.out.println("soak: " + code + " #" + id + " " + kind(operation) + " unanswered after " + timeout.toSeconds()
                    + " s (alive " + process.alive() + ", status " + status + ")");
            return "TIMEOUT";
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            waiting.remove(id);
            inFlight = null;
        }
    }

    void send(String command) {
        process.send(command);
    }

    private static String kind(String operation) {
        return operation.split(" ", 2)[0];
    }

    /** Closes the workstation cleanly (Derby shut down) so the checker can open its replica. */
    void quit() throws InterruptedException {
        process.send("QUIT");
        if (!process.awaitExit(120)) {
            throw new IllegalStateException(code + " did not close within 120 s");
        }
    }
}
