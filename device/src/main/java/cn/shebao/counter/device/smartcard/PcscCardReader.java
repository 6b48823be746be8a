package cn.shebao.counter.device.smartcard;

import cn.shebao.counter.device.reader.CardEvent;
import cn.shebao.counter.device.reader.ReadFailure;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/**
 * Every PC/SC terminal of the machine, watched: a worker thread per terminal waits for a card, reads it with the
 * {@link HolderCardReader} and waits for it to be taken out, and emits the same events as the ID-card reader
 * ({@link CardEvent}), so the workstation and the kiosk treat every card alike. A supervisor thread looks at the
 * terminal list every second: a reader plugged in gets its worker ({@code ReaderConnected}), one pulled out ends its
 * worker ({@code ReaderLost}). Events arrive on these threads, never the EDT.
 */
public final class PcscCardReader implements AutoCloseable {

    private static final long POLL_MILLIS = 250;
    private static final long LIST_EVERY_MILLIS = 1000;
    /** How long a reader may take to notice that a card whose read broke off was taken out. */
    private static final long REMOVAL_GRACE_MILLIS = 1500;

    private final PcscTerminals terminals;
    private final HolderCardReader reader;
    private final Clock clock;
    private final CopyOnWriteArrayList<Consumer<CardEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Thread> workers = new ConcurrentHashMap<>();
    private final Thread supervisor;
    private volatile boolean running = true;

    public PcscCardReader(PcscTerminals terminals, HolderCardReader reader, Clock clock) {
        this.terminals = terminals;
        this.reader = reader;
        this.clock = clock;
        this.supervisor = new Thread(this::supervise, "pcsc-terminals");
        this.supervisor.setDaemon(true);
    }

    public void addListener(Consumer<CardEvent> listener) {
        listeners.add(listener);
    }

    public PcscCardReader start() {
        supervisor.start();
        return this;
    }

    /** The terminals being watched now. */
    public List<String> terminalNames() {
        return List.copyOf(workers.keySet());
    }

    private void supervise() {
        boolean serviceReported = false;
        while (running) {
            try {
                List<CardTerminal> now = terminals.list();
                serviceReported = false;
                for (CardTerminal t : now) {
                    workers.computeIfAbsent(t.getName(), name -> {
                        Thread worker = new Thread(() -> watch(t), "pcsc-" + name);
                        worker.setDaemon(true);
                        emit(new CardEvent.ReaderConnected(name));
                        worker.start();
                        return worker;
                    });
                }
                List<String> present = now.stream().map(CardTerminal::getName).toList();
                for (String name : List.copyOf(workers.keySet())) {
                    if (!present.contains(name)) {
                        workers.remove(name).interrupt();
                        emit(new CardEvent.ReaderLost(name, "the reader was unplugged"));
                    }
                }
            } catch (CardServiceUnavailableException e) {
                if (!serviceReported) {
                    for (String name : List.copyOf(workers.keySet())) {
                        workers.remove(name).interrupt();
                    }
                    emit(new CardEvent.ReaderLost("PC/SC", e.getMessage()));
                    serviceReported = true;
                }
            }
            if (!sleep(LIST_EVERY_MILLIS)) {
                return;
            }
        }
    }

    private void watch(CardTerminal terminal) {
        while (running && workers.containsKey(terminal.getName())) {
            try {
                if (!terminal.waitForCardPresent(POLL_MILLIS)) {
                    continue;
                }
                emit(new CardEvent.CardPresented());
                readOnce(terminal);
                while (running && !terminal.waitForCardAbsent(POLL_MILLIS)) {
                    // the card stays in the reader: one read per presentation
                }
                emit(new CardEvent.CardRemoved());
            } catch (CardException e) {
                // The reader went away between two looks at the list; the supervisor reports it.
                if (!sleep(POLL_MILLIS)) {
                    return;
                }
            } catch (RuntimeException e) {
                // Whatever a card or driver does, the worker goes on watching: a dead worker is a dead reader.
                emit(new CardEvent.ReadFailed(ReadFailure.READ_FAILED, "unexpected: " + e));
                if (!sleep(POLL_MILLIS)) {
                    return;
                }
            }
        }
    }

    /**
     * One read per presentation, tried twice: a card swapped faster than the reader polls (or reset by another
     * program) fails its first command with the card still in, and reads fine on a fresh connection.
     */
    private void readOnce(CardTerminal terminal) throws CardException {
        CardEvent outcome = attempt(terminal);
        if (outcome instanceof CardEvent.ReadFailed failed && failed.reason() == ReadFailure.READ_FAILED && failed.detail().startsWith(BROKE_OFF)) {
            outcome = attempt(terminal);
        }
        emit(outcome);
    }

    private static final String BROKE_OFF = "broke off: ";

    private CardEvent attempt(CardTerminal terminal) throws CardException {
        Card card;
        try {
            card = terminal.connect("*");
        } catch (CardException e) {
            return new CardEvent.ReadFailed(taken(terminal) ? ReadFailure.CARD_REMOVED : ReadFailure.READ_FAILED,
                    BROKE_OFF + "connecting: " + e.getMessage());
        }
        try {
            return new CardEvent.HolderCardRead(reader.read(card.getBasicChannel(), LocalDate.now(clock)));
        } catch (CardReadException e) {
            return new CardEvent.ReadFailed(e.failure(), e.getMessage());
        } catch (CardException e) {
            return new CardEvent.ReadFailed(taken(terminal) ? ReadFailure.CARD_REMOVED : ReadFailure.READ_FAILED,
                    BROKE_OFF + e.getMessage());
        } finally {
            try {
                card.disconnect(false);
            } catch (CardException | IllegalStateException e) {
                // Already gone with the card; nothing is left to release.
            }
        }
    }

    /** After a read broke off: was the card taken out? Readers notice that a moment after the command failed. */
    private static boolean taken(CardTerminal terminal) throws CardException {
        return !terminal.isCardPresent() || terminal.waitForCardAbsent(REMOVAL_GRACE_MILLIS);
    }

    private void emit(CardEvent event) {
        for (Consumer<CardEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                // A faulty listener must not stop the reader; it is reported on the thread's handler.
                Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
            }
        }
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        supervisor.interrupt();
        supervisor.join(5000);
        for (Thread worker : workers.values()) {
            worker.interrupt();
            worker.join(5000);
        }
        workers.clear();
    }
}
