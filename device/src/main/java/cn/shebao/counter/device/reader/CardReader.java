package cn.shebao.counter.device.reader;

import cn.shebao.counter.device.card.CardDecodingException;
import cn.shebao.counter.device.card.IdCardText;
import cn.shebao.counter.device.protocol.Command;
import cn.shebao.counter.device.protocol.ModuleStatus;
import cn.shebao.counter.device.protocol.Response;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Polls an ID card reader on its own thread: find, select, read; one presentation gives one read; then
 * it waits for the card to be removed. When the link is lost it closes at once and reopens with
 * backoff. Every command has a deadline, so nothing blocks forever. Events go to listeners on this
 * thread; a Swing client must hand them to the EDT.
 *
 * <p>Removal: after a read, "find" fails even while the card lies on the reader (fact sheet 1.2), so
 * removal is detected by "select" failing. That select keeps succeeding while the card is present is
 * observed in the simulator and assumed for real modules; it is the only such assumption here.
 */
public final class CardReader implements AutoCloseable {

    private enum State { SEARCHING, WAITING_FOR_REMOVAL }

    private final ReaderLink link;
    private final ReaderTimings timings;
    private final CopyOnWriteArrayList<Consumer<CardEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Exchanger exchanger;
    private final Thread thread;
    private volatile boolean running = true;
    private boolean connected;
    private State state = State.SEARCHING;
    private int failuresThisPresentation;

    public CardReader(ReaderLink link, ReaderTimings timings) {
        this.link = link;
        this.timings = timings;
        this.exchanger = new Exchanger(link,
                problem -> emit(new CardEvent.ReadFailed(ReadFailure.DAMAGED_FRAME, "damaged frame skipped: " + problem)));
        this.thread = new Thread(this::run, "card-reader-" + link.name());
        this.thread.setDaemon(true);
    }

    public void addListener(Consumer<CardEvent> listener) {
        listeners.add(listener);
    }

    public CardReader start() {
        thread.start();
        return this;
    }

    private void run() {
        int backoff = timings.reopenMinMillis();
        while (running) {
            if (!connected) {
                try {
                    link.open();
                    connected = true;
                    backoff = timings.reopenMinMillis();
                    exchanger.reset();
                    state = State.SEARCHING;
                    emit(new CardEvent.ReaderConnected(link.name()));
                } catch (IOException e) {
                    sleep(backoff);
                    backoff = Math.min(timings.reopenMaxMillis(), backoff * 2);
                    continue;
                }
            }
            try {
                if (state == State.SEARCHING) {
                    search();
                } else {
                    awaitRemoval();
                }
                sleep(timings.pollMillis());
            } catch (IOException e) {
                loseLink(e.getMessage());
            }
        }
        link.close();
    }

    private void search() throws IOException {
        Response found = exchange(Command.FIND_CARD, timings.findMillis());
        if (found == null || found.status() != ModuleStatus.CARD_FOUND) {
            return; // no card, or no answer this time: keep polling
        }
        if (failuresThisPresentation == 0) {
            emit(new CardEvent.CardPresented());
        }
        Response selected = exchange(Command.SELECT_CARD, timings.selectMillis());
        if (selected == null || selected.status() != ModuleStatus.SUCCESS) {
            fail(selected == null ? ReadFailure.TIMEOUT : ReadFailure.SELECT_FAILED, selected);
            return;
        }
        Response read = exchange(Command.READ_TEXT_PHOTO, timings.readMillis());
        if (read == null || read.status() != ModuleStatus.SUCCESS) {
            fail(read == null ? ReadFailure.TIMEOUT : ReadFailure.READ_FAILED, read);
            return;
        }
        deliver(read.data());
    }

    private void deliver(byte[] data) {
        state = State.WAITING_FOR_REMOVAL;
        failuresThisPresentation = 0;
        try {
            if (data.length < 4) {
                throw new CardDecodingException(CardDecodingException.Reason.TEXT_LENGTH, "no length fields");
            }
            ByteBuffer b = ByteBuffer.wrap(data);
            int textLength = b.getShort(0) & 0xFFFF;
            int photoLength = b.getShort(2) & 0xFFFF;
            if (textLength < IdCardText.LENGTH || 4 + textLength + photoLength > data.length) {
                throw new CardDecodingException(CardDecodingException.Reason.TEXT_LENGTH, "lengths do not fit the frame");
            }
            byte[] text = Arrays.copyOfRange(data, 4, 4 + textLength);
            byte[] photo = Arrays.copyOfRange(data, 4 + textLength, 4 + textLength + photoLength);
            emit(new CardEvent.CardRead(IdCardText.decode(text), photo));
        } catch (CardDecodingException e) {
            emit(new CardEvent.ReadFailed(ReadFailure.CARD_NOT_DECODED, e.localizedReason(Locale.getDefault())));
        }
    }

    private void fail(ReadFailure reason, Response response) {
        failuresThisPresentation++;
        emit(new CardEvent.ReadFailed(reason, response == null ? "no answer in time" : String.valueOf(response.status())));
        if (failuresThisPresentation > timings.retriesPerPresentation()) {
            // Stop hammering a damaged card: the clerk lifts it and places it again.
            state = State.WAITING_FOR_REMOVAL;
            failuresThisPresentation = 0;
        }
    }

    private void awaitRemoval() throws IOException {
        Response selected = exchange(Command.SELECT_CARD, timings.selectMillis());
        if (selected != null && selected.status() != ModuleStatus.SUCCESS) {
            state = State.SEARCHING;
            emit(new CardEvent.CardRemoved());
        }
    }

    private Response exchange(Command command, int deadlineMillis) throws IOException {
        return exchanger.exchange(command, deadlineMillis);
    }

    private void loseLink(String detail) {
        link.close();
        connected = false;
        emit(new CardEvent.ReaderLost(link.name(), detail == null ? "I/O error" : detail));
        sleep(timings.reopenMinMillis());
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

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
    }
}
