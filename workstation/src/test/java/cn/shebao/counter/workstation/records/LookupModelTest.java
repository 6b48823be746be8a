package cn.shebao.counter.workstation.records;

import static cn.shebao.counter.workstation.testing.Citizens.card;
import static cn.shebao.counter.workstation.testing.Citizens.person;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.workstation.citizen.AccessPurpose;
import cn.shebao.counter.workstation.citizen.CitizenSearch;
import cn.shebao.counter.workstation.citizen.CitizenSummary;
import cn.shebao.counter.workstation.citizen.RecordTab;
import cn.shebao.counter.workstation.ui.Texts;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** F2's rules, headless: what a search, a card and an opening lead to, and one audited opening per record (issue 17). */
class LookupModelTest {

    private final Texts texts = new Texts(Locale.SIMPLIFIED_CHINESE);
    private final LookupModel model = new LookupModel(texts);
    private final CitizenSummary zhang = person("张三");
    private final CitizenSummary li = person("李四");

    @Test
    void aCardOpensItsHoldersRecordOnceHoweverOftenItIsReadWhileOpening() {
        IdCard card = card();
        model.cardRead(card);
        assertThat(model.message()).isEqualTo(texts.text("citizen.cardRead", card.maskedIdNumber()));
        Optional<LookupModel.Opening> opening = model.cardHolderFound(card, List.of(zhang));
        assertThat(opening).contains(new LookupModel.Opening(zhang.personId(), AccessPurpose.CARD_PRESENTED, RecordTab.BASIC));
        assertThat(model.startOpening(zhang.personId())).as("the first read opens").isTrue();
        // The same card read again before the opening answered: its lookup answers too, but no second opening starts.
        assertThat(model.cardHolderFound(card, List.of(zhang))).isPresent();
        assertThat(model.startOpening(zhang.personId())).as("a second read while opening").isFalse();
        model.opened(zhang.personId());
        assertThat(model.startOpening(zhang.personId())).as("a read while the record is open").isFalse();
        assertThat(model.recordOpen()).isTrue();
    }

    @Test
    void anotherPersonsCardOpensTheirRecordAndAClosedRecordOpensAgain() {
        model.startOpening(zhang.personId());
        model.opened(zhang.personId());
        assertThat(model.startOpening(li.personId())).as("someone else's card replaces the record").isTrue();
        model.opened(li.personId());
        assertThat(model.close()).isTrue();
        assertThat(model.close()).as("nothing left to close").isFalse();
        assertThat(model.startOpening(li.personId())).as("opened again after Escape: a new, audited, opening").isTrue();
    }

    @Test
    void aFailedOpeningMayBeTriedAgain() {
        assertThat(model.startOpening(zhang.personId())).isTrue();
        model.openingFailed();
        assertThat(model.recordOpen()).isFalse();
        assertThat(model.startOpening(zhang.personId())).isTrue();
    }

    @Test
    void aCardOfSomeoneNotInsuredHereSaysSoAndOpensNothing() {
        IdCard card = card();
        model.cardRead(card);
        assertThat(model.cardHolderFound(card, List.of())).isEmpty();
        assertThat(model.message()).isEqualTo(texts.text("citizen.cardNotInsured", card.maskedIdNumber()));
        assertThat(model.results()).isEmpty();
    }

    @Test
    void anUnreadableBirthDateRunsNoSearchAndClearsTheOldLines() {
        model.search("张", "", "");
        model.searchAnswered(new CitizenSearch.Result(CitizenSearch.Kind.NAME, List.of(zhang, li), false));
        assertThat(model.search("张", "1970-13-01", "")).isEmpty();
        assertThat(model.results()).isEmpty();
        assertThat(model.message()).isEqualTo(texts.text("citizen.error.badBirthDate"));
        assertThat(model.search("张", " 1970-05-01 ", "3301")).contains(new LookupModel.Query("张", LocalDate.of(1970, 5, 1), "3301"));
        assertThat(model.message()).isEqualTo(texts.text("citizen.searching"));
    }

    @Test
    void oneExactMatchByNumberIsOpenedButOneNameMatchIsOnlyListed() {
        assertThat(model.searchAnswered(new CitizenSearch.Result(CitizenSearch.Kind.ID_NUMBER, List.of(zhang), false)))
                .contains(zhang.personId());
        assertThat(model.searchAnswered(new CitizenSearch.Result(CitizenSearch.Kind.NAME, List.of(zhang), false))).isEmpty();
        assertThat(model.message()).isEqualTo(texts.text("citizen.found", 1));
        assertThat(model.searchAnswered(new CitizenSearch.Result(CitizenSearch.Kind.NAME, List.of(), false))).isEmpty();
        assertThat(model.message()).isEqualTo(texts.text("citizen.noMatch"));
        model.searchAnswered(new CitizenSearch.Result(CitizenSearch.Kind.NAME, List.of(zhang, li), true));
        assertThat(model.message()).isEqualTo(texts.text("citizen.truncated", CitizenSearch.LIMIT));
    }

    @Test
    void aFailureReplacesTheLinesWithItsMessage() {
        model.searchAnswered(new CitizenSearch.Result(CitizenSearch.Kind.NAME, List.of(zhang), false));
        IllegalStateException error = new IllegalStateException("database gone");
        model.failed(error);
        assertThat(model.results()).isEmpty();
        assertThat(model.message()).isEqualTo(texts.describe(error));
    }

    @Test
    void someoneElseServedElsewhereEmptiesTheScreenButItsOwnCitizenDoesNot() {
        AtomicInteger changes = new AtomicInteger();
        model.addListener(changes::incrementAndGet);
        model.searchAnswered(new CitizenSearch.Result(CitizenSearch.Kind.NAME, List.of(zhang, li), false));
        model.startOpening(zhang.personId());
        model.opened(zhang.personId());
        assertThat(model.citizenChanged(Optional.of(zhang))).as("this screen served its own record's holder").isFalse();
        assertThat(model.recordOpen()).isTrue();
        int before = changes.get();
        assertThat(model.citizenChanged(Optional.of(li))).isTrue();
        assertThat(model.recordOpen()).isFalse();
        assertThat(model.results()).isEmpty();
        assertThat(model.message()).isBlank();
        assertThat(changes.get()).as("the view was told").isGreaterThan(before);
        assertThat(model.startOpening(zhang.personId())).as("a new opening for the previous holder").isTrue();
    }
}
