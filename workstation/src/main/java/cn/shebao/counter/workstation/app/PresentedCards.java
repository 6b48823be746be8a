package cn.shebao.counter.workstation.app;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.device.reader.CardEvent;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Cards read on this workstation's readers (the ID card, and the social security or citizen card), for the views that act on them (the record lookup opens the
 * holder's record). Listeners are called on the reader's thread; a Swing listener hands the card to the EDT.
 */
public final class PresentedCards {

    private final CopyOnWriteArrayList<Consumer<IdCard>> listeners = new CopyOnWriteArrayList<>();

    void accept(CardEvent event) {
        if (event instanceof CardEvent.CardRead read) {
            listeners.forEach(l -> l.accept(read.card()));
        } else if (event instanceof CardEvent.HolderCardRead read) {
            // A social security or citizen card opens the record and confirms identity as an ID card does.
            IdCard card = read.card().asIdCard();
            listeners.forEach(l -> l.accept(card));
        }
    }

    public void addListener(Consumer<IdCard> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<IdCard> listener) {
        listeners.remove(listener);
    }
}
