package cn.shebao.counter.workstation.identity;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.workstation.citizen.CitizenSummary;
import cn.shebao.counter.workstation.ui.ChangeListeners;
import java.util.Optional;

/**
 * What F3 knows about the citizen in front of the clerk, and what may be done next: the card read, its holder in the
 * records and whether the card matches the record, the identity confirmation, the online account, and whether a write
 * (an issue, a reset, a status change) is under way. Every button and key of the screen derives its enabled state from
 * here, so the rules ("no credential before the identity is confirmed", "one write at a time") are in one place and
 * tested headless ({@code IdentityModelTest}).
 *
 * <p>Threads: Event Dispatch Thread (plain Java: tests call it from theirs).
 */
public final class IdentityModel {

    private final ChangeListeners listeners = new ChangeListeners();
    private IdCard card;
    private CitizenSummary person;
    private boolean cardMatches;
    private IdentityConfirmation confirmation;
    private OnlineCredentials.AccountView account;
    private boolean writing;

    /** Called after every change, for the view to redraw and the actions to update. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** A card was read: whatever was known of the previous card and its holder no longer counts. */
    public void cardRead(IdCard read) {
        card = read;
        person = null;
        cardMatches = false;
        confirmation = null;
        account = null;
        changed();
    }

    /** The card's holder was found and the card compared with the record. */
    public void holderFound(CitizenSummary holder, CardCheck check) {
        person = holder;
        cardMatches = check.passed();
        changed();
    }

    /** A person confirmed without a card (manual path, with a supervisor's co-signature). */
    public void confirmedManually(CitizenSummary holder, IdentityConfirmation done) {
        card = null;
        person = holder;
        cardMatches = false;
        account = null;
        confirmation = null;
        confirmed(done);
    }

    /** The outcome of a confirmation: confirmed, or refused (the face differs), which leaves the identity unconfirmed. */
    public void confirmed(IdentityConfirmation done) {
        confirmation = done.getResult() == ConfirmationResult.CONFIRMED ? done : null;
        changed();
    }

    public void accountLoaded(OnlineCredentials.AccountView view) {
        account = view;
        changed();
    }

    /** A write on the account starts or ends: while one is under way no other may start. */
    public void writing(boolean underWay) {
        writing = underWay;
        changed();
    }

    /** Someone else is served now: nothing here is theirs. */
    public void forget() {
        card = null;
        person = null;
        cardMatches = false;
        confirmation = null;
        account = null;
        writing = false;
        changed();
    }

    public Optional<IdCard> card() {
        return Optional.ofNullable(card);
    }

    public Optional<CitizenSummary> person() {
        return Optional.ofNullable(person);
    }

    public Optional<IdentityConfirmation> confirmation() {
        return Optional.ofNullable(confirmation);
    }

    public Optional<OnlineAccount> currentAccount() {
        return account == null ? Optional.empty() : account.current();
    }

    /** The card matches the record: the clerk may confirm once the face matches too. */
    public boolean canConfirmCard() {
        return card != null && person != null && cardMatches && confirmation == null && !writing;
    }

    /** The clerk may record that the face does not match, whatever the card check said. */
    public boolean canRefuseCard() {
        return card != null && person != null && confirmation == null && !writing;
    }

    /** A credential needs a confirmed identity, a known account state (none current), and no write under way. */
    public boolean canIssue() {
        return confirmation != null && account != null && account.current().isEmpty() && !writing;
    }

    public boolean canReset() {
        return confirmation != null && !writing && currentAccount().filter(a -> a.getStatus() != AccountStatus.LOCKED).isPresent();
    }

    public boolean canLock() {
        return !writing && currentAccount().filter(a -> a.getStatus() != AccountStatus.LOCKED).isPresent();
    }

    public boolean canUnlock() {
        return !writing && currentAccount().filter(a -> a.getStatus() == AccountStatus.LOCKED).isPresent();
    }

    public boolean canRevoke() {
        return !writing && currentAccount().isPresent();
    }

    /** A username typed for a credential that could still be issued would be lost by serving someone else. */
    public boolean holdsUnsavedInput(String typedUsername) {
        return person != null && canIssue() && typedUsername != null && !typedUsername.isBlank();
    }

    private void changed() {
        listeners.fire();
    }
}
