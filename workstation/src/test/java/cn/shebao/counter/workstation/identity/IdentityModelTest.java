package cn.shebao.counter.workstation.identity;

import static cn.shebao.counter.workstation.testing.Citizens.card;
import static cn.shebao.counter.workstation.testing.Citizens.person;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.citizen.CitizenSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** F3's rules, headless: what the clerk may do at each step, from card to credential (issue 17). */
class IdentityModelTest {

    private final IdentityModel model = new IdentityModel();
    private final CitizenSummary holder = person("张三");
    private final CardCheck matches = new CardCheck(List.of());
    private final CardCheck differs = new CardCheck(List.of(new CardCheck.Problem(CardCheck.Kind.NAME_DIFFERS, List.of("张叁", "张三"))));

    @Test
    void nothingCanBeDoneBeforeACardIsReadAndItsHolderFound() {
        assertThat(allowed()).isEmpty();
        model.cardRead(card());
        assertThat(allowed()).as("the holder is still being looked up").isEmpty();
        model.holderFound(holder, matches);
        assertThat(allowed()).containsExactly("confirm", "refuse");
    }

    @Test
    void aCardThatDiffersFromTheRecordCanOnlyBeRefused() {
        model.cardRead(card());
        model.holderFound(holder, differs);
        assertThat(allowed()).containsExactly("refuse");
    }

    @Test
    void aCredentialNeedsAConfirmedIdentityAndAKnownAccountState() {
        model.cardRead(card());
        model.holderFound(holder, matches);
        model.confirmed(confirmation(ConfirmationResult.CONFIRMED));
        assertThat(allowed()).as("the account is still being read").isEmpty();
        model.accountLoaded(account(null));
        assertThat(allowed()).containsExactly("issue");
        assertThat(model.holdsUnsavedInput("zhangsan")).isTrue();
        assertThat(model.holdsUnsavedInput(" ")).isFalse();
    }

    @Test
    void aRefusedFaceLeavesTheIdentityUnconfirmedAndNoCredentialPossible() {
        model.cardRead(card());
        model.holderFound(holder, matches);
        model.confirmed(confirmation(ConfirmationResult.REFUSED));
        model.accountLoaded(account(null));
        assertThat(model.confirmation()).isEmpty();
        assertThat(allowed()).containsExactly("confirm", "refuse");
    }

    @Test
    void onlyOneWriteAtATime() {
        model.cardRead(card());
        model.holderFound(holder, matches);
        model.confirmed(confirmation(ConfirmationResult.CONFIRMED));
        model.accountLoaded(account(AccountStatus.ACTIVE));
        assertThat(allowed()).containsExactly("reset", "lock", "revoke");
        model.writing(true);
        assertThat(allowed()).as("a double click or a key pressed twice starts nothing").isEmpty();
        assertThat(model.holdsUnsavedInput("zhangsan")).isFalse();
        model.writing(false);
        assertThat(allowed()).containsExactly("reset", "lock", "revoke");
    }

    @Test
    void aLockedAccountCanBeUnlockedOrRevokedButNotReset() {
        model.cardRead(card());
        model.holderFound(holder, matches);
        model.confirmed(confirmation(ConfirmationResult.CONFIRMED));
        model.accountLoaded(account(AccountStatus.LOCKED));
        assertThat(allowed()).containsExactly("unlock", "revoke");
    }

    @Test
    void lockingNeedsNoConfirmationButResettingDoes() {
        model.cardRead(card());
        model.holderFound(holder, differs);
        model.accountLoaded(account(AccountStatus.ACTIVE));
        assertThat(allowed()).containsExactly("refuse", "lock", "revoke");
    }

    @Test
    void aSecondCardForgetsTheFirstCardsConfirmationAndAccount() {
        model.cardRead(card());
        model.holderFound(holder, matches);
        model.confirmed(confirmation(ConfirmationResult.CONFIRMED));
        model.accountLoaded(account(null));
        model.cardRead(card());
        assertThat(model.person()).isEmpty();
        assertThat(model.confirmation()).isEmpty();
        assertThat(model.currentAccount()).isEmpty();
        assertThat(allowed()).isEmpty();
    }

    @Test
    void aManualConfirmationNeedsNoCardAndAnotherCitizenServedForgetsEverything() {
        model.confirmedManually(holder, confirmation(ConfirmationResult.CONFIRMED));
        assertThat(model.card()).isEmpty();
        model.accountLoaded(account(null));
        assertThat(allowed()).containsExactly("issue");
        model.writing(true);
        model.forget();
        assertThat(model.person()).isEmpty();
        assertThat(allowed()).isEmpty();
    }

    @Test
    void listenersHearEveryChange() {
        AtomicInteger heard = new AtomicInteger();
        model.addListener(heard::incrementAndGet);
        model.cardRead(card());
        model.holderFound(holder, matches);
        model.writing(true);
        model.forget();
        assertThat(heard).hasValue(4);
    }

    /** The actions enabled now, in the screen's order. */
    private List<String> allowed() {
        Map<String, BooleanSupplier> actions = new LinkedHashMap<>();
        actions.put("confirm", model::canConfirmCard);
        actions.put("refuse", model::canRefuseCard);
        actions.put("issue", model::canIssue);
        actions.put("reset", model::canReset);
        actions.put("lock", model::canLock);
        actions.put("unlock", model::canUnlock);
        actions.put("revoke", model::canRevoke);
        return actions.entrySet().stream().filter(e -> e.getValue().getAsBoolean()).map(Map.Entry::getKey).toList();
    }



    private static IdentityConfirmation confirmation(ConfirmationResult result) {
        IdentityConfirmation c = new IdentityConfirmation(UUID.randomUUID());
        c.setResult(result);
        return c;
    }

    private OnlineCredentials.AccountView account(AccountStatus status) {
        if (status == null) {
            return new OnlineCredentials.AccountView(Optional.empty(), List.of(), List.of(), List.of());
        }
        OnlineAccount a = new OnlineAccount(UUID.randomUUID());
        a.setPersonId(holder.personId());
        a.setStatus(status);
        return new OnlineCredentials.AccountView(Optional.of(a), List.of(a), List.of(), List.of());
    }
}
