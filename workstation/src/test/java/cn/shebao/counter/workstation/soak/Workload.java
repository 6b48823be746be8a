package cn.shebao.counter.workstation.soak;

import cn.shebao.counter.device.card.CardJson;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.demo.DemoCards;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The clerks and supervisors of the soak: one thread per window sends what a window does all day, one operation
 * after another, over a small shared pool of citizens so that windows issue and reset accounts and register drug
 * applications for the same people at once (the conflicts central must catch), and supervisors decide other windows'
 * applications and resolve conflicts. Every operation and its answer goes into the history the report counts.
 */
final class Workload {

    /** One operation as sent and answered. */
    record Operation(int window, String kind, Instant sent, Instant answered, String answer) {
    }

    private static final String[] KINDS = {"CONFIRM", "ISSUE", "RESET", "DRUG", "DECIDE", "RESOLVE", "DOCUMENT"};
    private static final int[] WEIGHTS = {20, 22, 14, 16, 16, 12, 8};

    private final List<Window> windows;
    private final List<Person> people;
    private final long seed;
    private final List<Operation> history = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    /** A citizen of the pool with the card they carry. */
    record Person(UUID id, String card) {
        static Person of(InsuredPerson p) {
            return new Person(p.getId(), Base64.getEncoder().encodeToString(CardJson.write(DemoCards.cardOf(p)).getBytes(StandardCharsets.UTF_8)));
        }
    }

    Workload(List<Window> windows, List<Person> people, long seed) {
        this.windows = windows;
        this.people = List.copyOf(people);
        this.seed = seed;
    }

    void start() {
        for (Window w : windows) {
            Thread t = new Thread(() -> drive(w, new SplittableRandom(seed * 31 + w.index())), "workload-" + w.code());
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void drive(Window w, SplittableRandom random) {
        while (running.get()) {
            try {
                if (!w.ready()) {
                    Thread.sleep(100); // killed and not restarted yet: a clerk waits for the PC to come back
                    continue;
                }
                String kind = pick(random);
                Person p = people.get(random.nextInt(people.size()));
                String op = switch (kind) {
                    case "CONFIRM", "ISSUE", "RESET" -> kind + " " + p.id() + " " + p.card();
                    case "DRUG", "DOCUMENT" -> kind + " " + p.id();
                    default -> kind;
                };
                Instant sent = Instant.now();
                String answer = w.call(op, Duration.ofSeconds(90));
                history.add(new Operation(w.index(), kind, sent, Instant.now(), answer));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String pick(SplittableRandom random) {
        int total = 0;
        for (int w : WEIGHTS) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < KINDS.length; i++) {
            r -= WEIGHTS[i];
            if (r < 0) {
                return KINDS[i];
            }
        }
        return KINDS[0];
    }

    /** Stops sending; each window's operation under way is answered first. */
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(Duration.ofMinutes(3).toMillis());
        }
    }

    List<Operation> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }
}
