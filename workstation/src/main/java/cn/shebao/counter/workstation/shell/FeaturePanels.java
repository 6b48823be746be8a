package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.workstation.app.PresentedCards;
import cn.shebao.counter.workstation.citizen.CitizenSummary;
import cn.shebao.counter.workstation.citizen.ServedCitizen;
import cn.shebao.counter.workstation.screen.CardScreen;
import cn.shebao.counter.workstation.screen.Screen;
import cn.shebao.counter.workstation.screen.ScreenContext;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.ui.Texts;
import java.awt.Component;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;

/**
 * The panels of one login's screens, opened with one {@link ScreenContext} so that they share the citizen in front
 * of the clerk, and the card reader's cards routed to them: to the showing screen when it takes cards, otherwise to
 * the first screen that does (the record lookup), which is shown first. Closing it detaches from the card reader.
 */
final class FeaturePanels implements AutoCloseable {

    private final Texts texts;
    private final ScreenContext context;
    private final PresentedCards cards;
    private final ServedCitizen served = new ServedCitizen();
    /** In navigation order: the first that takes cards is where a card goes when the showing screen does not. */
    private final Map<String, JComponent> opened = new LinkedHashMap<>();
    private Consumer<IdCard> cardListener;

    FeaturePanels(Texts texts, StaffSession session, PresentedCards cards) {
        this.texts = texts;
        this.context = new ScreenContext(texts, session, served);
        this.cards = cards;
    }

    JComponent open(Screen screen) {
        JComponent panel = screen.open(context);
        opened.put(screen.name(), panel);
        return panel;
    }

    /**
     * Starts taking cards, once every screen is open; {@code show} brings a screen to the front by name. Nothing is
     * attached when no screen takes cards (IT's login).
     */
    void takeCards(Consumer<String> show) {
        if (cardListener != null || opened.values().stream().noneMatch(CardScreen.class::isInstance)) {
            return;
        }
        cardListener = card -> SwingUtilities.invokeLater(() -> cardRead(card, show));
        cards.addListener(cardListener);
    }

    private void cardRead(IdCard card, Consumer<String> show) {
        Optional<Map.Entry<String, JComponent>> showing = opened.entrySet().stream()
                .filter(e -> e.getValue().isShowing() && e.getValue() instanceof CardScreen).findFirst();
        Map.Entry<String, JComponent> target = showing.orElseGet(() -> opened.entrySet().stream()
                .filter(e -> e.getValue() instanceof CardScreen).findFirst().orElseThrow());
        if (!mayReplaceServedCitizen(card, target.getValue())) {
            return;
        }
        if (showing.isEmpty()) {
            show.accept(target.getKey());
        }
        ((CardScreen) target.getValue()).cardRead(card);
    }

    /**
     * A card of someone other than the citizen served replaces them everywhere; when a screen holds typed input for
     * the served citizen, the clerk is asked first (Escape keeps the current citizen and the input).
     */
    private boolean mayReplaceServedCitizen(IdCard card, Component owner) {
        if (!served.hasUnsavedInput() || served.mayBeHolderOf(card.idNumber(), card.name())) {
            return true;
        }
        Object[] options = {texts.text("citizen.replace.yes"), texts.text("citizen.replace.no")};
        JOptionPane pane = new JOptionPane(texts.text("citizen.replace.message", served.current().map(CitizenSummary::name).orElse("")),
                JOptionPane.QUESTION_MESSAGE, JOptionPane.YES_NO_OPTION, null, options, options[1]);
        JDialog dialog = pane.createDialog(SwingUtilities.getWindowAncestor(owner), texts.text("citizen.replace.title"));
        dialog.setName("citizen.replace");
        dialog.setVisible(true);
        dialog.dispose();
        return pane.getValue() == options[0];
    }

    /** A citizen is being served: a record is open on some screen (the clerk is asked before logging out over it). */
    boolean citizenBeingServed() {
        return opened.values().stream().anyMatch(panel -> panel instanceof CardScreen screen && screen.recordOpen());
    }

    @Override
    public void close() {
        if (cardListener != null) {
            cards.removeListener(cardListener);
            cardListener = null;
        }
    }
}
