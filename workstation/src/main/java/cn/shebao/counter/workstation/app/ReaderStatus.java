package cn.shebao.counter.workstation.app;

import cn.shebao.counter.device.reader.CardEvent;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The card reader's state as the status bar shows it. Updated from the reader's thread; listeners are
 * called on that thread too, and a Swing listener hands the value to the EDT itself.
 */
public final class ReaderStatus {

    /** What the status bar says; each has a message {@code status.reader.<name>}. */
    public enum State { NOT_CONFIGURED, MISCONFIGURED, CONNECTING, CONNECTED, SIMULATED, LOST, CARD_PRESENT, CARD_READ, READ_FAILED }

    private final CopyOnWriteArrayList<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private volatile State state = State.NOT_CONFIGURED;
    private volatile boolean simulated;

    void configured(boolean isSimulated) {
        this.simulated = isSimulated;
        set(State.CONNECTING);
    }

    /** reader.properties could not be used: said until IT fixes it (the counter itself starts). */
    void misconfigured() {
        set(State.MISCONFIGURED);
    }

    void accept(CardEvent event) {
        if (event instanceof CardEvent.ReaderConnected) {
            // The ID reader and the chip readers share this line: one of them connecting (the PC/SC readers often
            // a moment after the serial one) says nothing about the card just read on the other.
            if (state != State.CARD_PRESENT && state != State.CARD_READ && state != State.READ_FAILED) {
                set(simulated ? State.SIMULATED : State.CONNECTED);
            }
        } else if (event instanceof CardEvent.CardRemoved) {
            set(simulated ? State.SIMULATED : State.CONNECTED);
        } else if (event instanceof CardEvent.ReaderLost) {
            set(State.LOST);
        } else if (event instanceof CardEvent.CardPresented) {
            set(State.CARD_PRESENT);
        } else if (event instanceof CardEvent.CardRead || event instanceof CardEvent.HolderCardRead) {
            set(State.CARD_READ);
        } else if (event instanceof CardEvent.ReadFailed) {
            set(State.READ_FAILED);
        }
    }

    public State state() {
        return state;
    }

    public void addListener(Consumer<State> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<State> listener) {
        listeners.remove(listener);
    }

    private void set(State next) {
        state = next;
        listeners.forEach(l -> l.accept(next));
    }
}
