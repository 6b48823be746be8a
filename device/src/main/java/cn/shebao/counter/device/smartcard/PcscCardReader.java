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
 * Every PC/SC terminal of the machine, watched by one thread: it waits for a card to go in or out of any terminal,
 * reads a new card with the {@link HolderCardReader}, and emits the same events as the ID-card reader
 * ({@link CardEvent}), so the workstation and the kiosk treat every card alike. Terminals plugged in or out show as
 * {@code ReaderConnected} and {@code ReaderLost}. One thread, not one per terminal: pcsc-lite serialises the calls on a
 * context and the JDK keeps one context per process, so a second thread waiting for presence made each command of a
 * read wait for that wait (measured: 2.6 s instead of 0.6 s for a read of 12 commands). Events arrive on this thread,
 * never the EDT.
 */
public final class PcscCardReader implements AutoCloseable {

    private static final long POLL_MILLIS = 250;
    private static final long NO_READER_PAUSE_MILLIS = 1000;
    /** How long a reader may take to notice that a card whose read broke off was taken out. */
    private static final long REMOVAL_GRACE_MILLIS = 1500;

    private final PcscTerminals terminals;
    private final HolderCardReader reader;
    private final Clock clock;
    private final CopyOnWriteArrayList<Consumer<CardEvent>> listeners = new CopyOnWriteArrayList<>();
    /** Terminal name to whether a card was in it at the last look. */
    private final Map<String, Boolean> watched = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    public PcscCardReader(PcscTerminals terminals, HolderCardReader reader, Clock clock) {
        this.terminals = terminals;
        this.reader = reader;
        this.clock = clock;
        this.thread = new Thread(this::watch, "pcsc-terminals");
        this.thread.setDaemon(true);
    }

    public void addListener(Consumer<CardEvent> listener) {
        listeners.add(listener);
    }

    public PcscCardReader start() {
        thread.start();
        return this;
    }

    /** The terminals being watched now. */
    public List<String> terminalNames() {
        return List.copyOf(watched.keySet());
    }

    private void watch() {
        boolean serviceReported = false;
        while (running) {
            try {
                List<CardTerminal> now = terminals.list();
                serviceReported = false;
                follow(now);
                for (CardTerminal t : now) {
                    look(t);
                }
                if (now.isEmpty()) {
                    if (!sleep(NO_READER_PAUSE_MILLIS)) {
                        return;
                    }
                } else {
                    terminals.waitForChange(POLL_MILLIS);
                }
            } catch (CardServiceUnavailableException e) {
                if (!serviceReported) {
                    watched.clear();
                    emit(new CardEvent.ReaderLost("PC/SC", e.getMessage()));
                    serviceReported = true;
                }
                if (!sleep(NO_READER_PAUSE_MILLIS)) {
                    return;
                }
            } catch (CardException e) {
                // A reader went away between the list and the look; the next list says so.
                if (!sleep(POLL_MILLIS)) {
                    return;
                }
            } catch (RuntimeException e) {
                // Whatever a card or driver does, the watch goes on: a dead thread is every reader dead.
                emit(new CardEvent.ReadFailed(ReadFailure.READ_FAILED, "unexpected: " + e));
                if (!sleep(POLL_MILLIS)) {
                    return;
                }
            }
        }
    }

    /** Readers plugged in since the last look are connected, readers gone are lost. */
    private void follow(List<CardTerminal> now) {
        List<String> names = now.stream().map(CardTerminal::getName).toList();
        for (String name : names) {
            if (watched.putIfAbsent(name, false) == null) {
                emit(new CardEvent.ReaderConnected(name));
            }
        }
        for (String name : List.copyOf(watched.keySet())) {
            if (!names.contains(name)) {
                watched.remove(name);
                emit(new CardEvent.ReaderLost(name, "the reader was unplugged"));
            }
        }
    }

    /** A card new in the terminal is read once; one gone is reported removed. */
    private void look(CardTerminal terminal) throws CardException {
        boolean in = terminal.isCardPresent();
        boolean was = Boolean.TRUE.equals(watched.get(terminal.getName()));
        if (in && !was) {
            watched.put(terminal.getName(), true);
            emit(new CardEvent.CardPresented());
            readOnce(terminal);
        } else if (!in && was) {
            watched.put(terminal.getName(), false);
            emit(new CardEvent.CardRemoved());
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
        thread.interrupt();
        thread.join(5000);
        watched.clear();
    }
}
