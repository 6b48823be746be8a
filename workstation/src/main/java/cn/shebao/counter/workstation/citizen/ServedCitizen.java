package cn.shebao.counter.workstation.citizen;

import cn.shebao.counter.device.id.CitizenIdNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The citizen in front of the clerk: one per logged-in window, shared by every screen that serves a citizen (the
 * record, identity and credentials, special drugs). A card presented or a record opened makes its holder the served
 * citizen; every screen's typed input, results and status lines belong to that citizen, and each screen clears them
 * when the served citizen changes. One model rather than per-screen code, because the failure it prevents crosses
 * screens: F3 kept the previous citizen's username and F4 the previous diagnosis after the next citizen's card was
 * read on another screen.
 *
 * <p>Screens that hold typed input not yet saved register it ({@link #watchUnsavedInput}), so the window can ask the
 * clerk before a card replaces it.
 *
 * <p>Threads: the Event Dispatch Thread in the workstation (it is not Swing, so it is tested headless); listeners are
 * told on the thread that changed it.
 */
public final class ServedCitizen {

    private final List<Consumer<Optional<CitizenSummary>>> listeners = new CopyOnWriteArrayList<>();
    private final List<BooleanSupplier> unsavedInput = new ArrayList<>();
    private CitizenSummary current;

    /** The citizen being served, if any. */
    public Optional<CitizenSummary> current() {
        return Optional.ofNullable(current);
    }

    /** True when {@code personId} is the citizen being served. */
    public boolean isServing(UUID personId) {
        return current != null && current.personId().equals(personId);
    }

    /**
     * Makes {@code citizen} the one being served. Listeners hear of it only when it is another person than before: the
     * same citizen found again (a second card read, a search by number) keeps every screen's input.
     *
     * @return true when the served citizen changed
     */
    public boolean serve(CitizenSummary citizen) {
        Objects.requireNonNull(citizen, "citizen");
        boolean changed = !isServing(citizen.personId());
        current = citizen;
        if (changed) {
            listeners.forEach(l -> l.accept(Optional.of(citizen)));
        }
        return changed;
    }

    /** No citizen is served any more (the clerk logs out or locks the window); every screen forgets its citizen. */
    public void end() {
        if (current != null) {
            current = null;
            listeners.forEach(l -> l.accept(Optional.empty()));
        }
    }

    /**
     * Whether the holder of a card with {@code idNumber} and {@code name} may be the citizen already served. Only the
     * masked number is held here (a list line is not a record opened for a purpose), so this compares the masked form
     * and the name: it decides whether to ask the clerk before the card replaces unsaved input, never who someone is.
     */
    public boolean mayBeHolderOf(String idNumber, String name) {
        return current != null && CitizenIdNumber.mask(idNumber).equals(current.maskedIdNumber())
                && Objects.equals(name, current.name());
    }

    /** Tells {@code listener} of every change of citizen, with the new one (empty when none is served). */
    public void addListener(Consumer<Optional<CitizenSummary>> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Optional<CitizenSummary>> listener) {
        listeners.remove(listener);
    }

    /** A screen's typed input that a change of citizen would throw away: true while there is some. */
    public void watchUnsavedInput(BooleanSupplier hasUnsavedInput) {
        unsavedInput.add(hasUnsavedInput);
    }

    /** True when some screen holds typed input for the served citizen that is not saved yet. */
    public boolean hasUnsavedInput() {
        return unsavedInput.stream().anyMatch(BooleanSupplier::getAsBoolean);
    }
}
