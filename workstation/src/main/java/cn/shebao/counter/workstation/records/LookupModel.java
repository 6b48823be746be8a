package cn.shebao.counter.workstation.records;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.workstation.citizen.AccessPurpose;
import cn.shebao.counter.workstation.citizen.CitizenSearch;
import cn.shebao.counter.workstation.citizen.CitizenSummary;
import cn.shebao.counter.workstation.citizen.RecordTab;
import cn.shebao.counter.workstation.ui.ChangeListeners;
import cn.shebao.counter.workstation.ui.Texts;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What F2 shows and its rules: the search's lines and the message under them, the card read, and which record is
 * being opened or is open, so that a card read twice, a double Enter or a card read during the opening opens (and
 * audits) one record, not two. The panel runs the searches and the openings on its {@code UiTasks} lanes and tells
 * the model their answers; the model says what to open next. Tested headless ({@code LookupModelTest}).
 *
 * <p>Threads: Event Dispatch Thread (plain Java: tests call it from theirs).
 */
public final class LookupModel {

    /** A search to run: the birth date parsed (null when none was given). */
    public record Query(String text, LocalDate birthDate, String district) {
    }

    /** A record to open, why, and the tab to show first (null: the record's first). */
    public record Opening(UUID personId, AccessPurpose purpose, RecordTab tab) {
    }

    private final Texts texts;
    private final ChangeListeners listeners = new ChangeListeners();
    private List<CitizenSummary> results = List.of();
    private String message = " ";
    /** The person whose record is being opened, until the opening answers. */
    private UUID openingFor;
    /** The person whose record is open. */
    private UUID open;

    public LookupModel(Texts texts) {
        this.texts = texts;
    }

    /** Called after every change, for the view to redraw. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public List<CitizenSummary> results() {
        return results;
    }

    public String message() {
        return message;
    }

    /** The clerk asked to search: the query to run, or nothing when the birth date cannot be read (the message says so). */
    public Optional<Query> search(String text, String birthDate, String district) {
        LocalDate birth;
        try {
            birth = birthDate.isBlank() ? null : LocalDate.parse(birthDate.strip());
        } catch (DateTimeParseException e) {
            results = List.of(); // the previous search's lines must not stand beside this search's error
            message = texts.text("citizen.error.badBirthDate");
            changed();
            return Optional.empty();
        }
        message = texts.text("citizen.searching");
        changed();
        return Optional.of(new Query(text, birth, district));
    }

    /**
     * The search answered. One exact match by number (not by name) is the person the clerk meant: it is returned, to be
     * opened after the purpose is asked.
     */
    public Optional<UUID> searchAnswered(CitizenSearch.Result result) {
        results = result.matches();
        if (results.isEmpty()) {
            message = texts.text("citizen.noMatch");
        } else if (result.truncated()) {
            message = texts.text("citizen.truncated", CitizenSearch.LIMIT);
        } else {
            message = texts.text("citizen.found", results.size());
        }
        changed();
        return results.size() == 1 && result.kind() != CitizenSearch.Kind.NAME ? Optional.of(results.get(0).personId())
                : Optional.empty();
    }

    /** A search or a card's lookup failed: its message instead of lines. */
    public void failed(Throwable error) {
        results = List.of();
        message = texts.describe(error);
        changed();
    }

    /** A card was read; its holder is being looked up. */
    public void cardRead(IdCard card) {
        message = texts.text("citizen.cardRead", card.maskedIdNumber());
        changed();
    }

    /** The card's holder was looked up: their record opens with the card as its purpose, unless they are not insured here. */
    public Optional<Opening> cardHolderFound(IdCard card, List<CitizenSummary> found) {
        results = found;
        if (found.isEmpty()) {
            message = texts.text("citizen.cardNotInsured", card.maskedIdNumber());
        }
        changed();
        return found.isEmpty() ? Optional.empty()
                : Optional.of(new Opening(found.get(0).personId(), AccessPurpose.CARD_PRESENTED, RecordTab.BASIC));
    }

    /**
     * Whether to open this person's record now: not while it is being opened or is open already, so each opening
     * is audited once. True marks it as being opened.
     */
    public boolean startOpening(UUID personId) {
        if (personId.equals(openingFor) || personId.equals(open)) {
            return false;
        }
        openingFor = personId;
        changed();
        return true;
    }

    /** The record was opened and is shown. */
    public void opened(UUID personId) {
        openingFor = null;
        open = personId;
        changed();
    }

    /** The opening failed (the error is shown to the clerk): the person may be opened again. */
    public void openingFailed() {
        openingFor = null;
        changed();
    }

    /** The record was closed (Escape); false when none was open. */
    public boolean close() {
        if (open == null) {
            return false;
        }
        open = null;
        changed();
        return true;
    }

    public boolean recordOpen() {
        return open != null;
    }

    /**
     * Another screen serves someone: unless it is the person whose record is open here, everything here was about the
     * previous citizen and is forgotten. Returns true when it was (the view then empties its fields).
     */
    public boolean citizenChanged(Optional<CitizenSummary> now) {
        if (open != null && now.isPresent() && open.equals(now.get().personId())) {
            return false;
        }
        openingFor = null;
        open = null;
        results = List.of();
        message = " ";
        changed();
        return true;
    }

    private void changed() {
        listeners.fire();
    }
}
