package cn.shebao.counter.workstation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.device.card.CardType;
import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.workstation.app.DemoMode;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.command.OutboxCommand;
import cn.shebao.counter.workstation.demo.DemoCards;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.security.LoginOutcome;
import cn.shebao.counter.workstation.security.LoginPolicy;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identity confirmation and credential rules against a generated replica with the demo staff. */
class IdentityAndCredentialsTest {

    @TempDir
    static Path tmp;
    private static DemoReplica demo;
    private static SessionFactory sessions;
    private static MutableClock clock;
    private static IdentityConfirmations confirmations;
    private static OnlineCredentials credentials;
    private static StaffAuthenticator authenticator;
    private static StaffSession clerk;
    private static int nextPerson;

    @BeforeAll
    static void replica() {
        clock = new MutableClock(DemoReplica.AS_OF.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));
        demo = DemoReplica.generate(tmp, 80, clock);
        sessions = demo.replica().sessions();
        authenticator = new StaffAuthenticator(sessions, new PasswordHasher(), demo.audit(), clock, LoginPolicy.standard());
        Outbox outbox = new Outbox(sessions, clock, TimeOrderedIds.system());
        confirmations = new IdentityConfirmations(sessions, authenticator, outbox, demo.audit(), clock, TimeOrderedIds.system(), "TEST-01");
        credentials = new OnlineCredentials(sessions, confirmations, new PasswordHasher(), outbox, demo.audit(), clock,
                TimeOrderedIds.system(), IssuingGuardrail.none(), () -> { });
        clerk = login("chenjing");
    }

    @AfterAll
    static void close() throws Exception {
        demo.close();
    }

    static StaffSession login(String username) {
        return ((LoginOutcome.Success) authenticator.login(username, password(username))).session();
    }

    static char[] password(String username) {
        return DemoDataGenerator.demoStaff(DemoMode.SEED).stream().filter(s -> s.username().equals(username)).findFirst()
                .orElseThrow().demoPassword().toCharArray();
    }

    /** A person without an online account, a different one per call. */
    private static synchronized InsuredPerson freshPerson() {
        List<InsuredPerson> persons = sessions.fromTransaction(s -> s.createSelectionQuery(
                "from InsuredPerson p where not exists (select 1 from OnlineAccount a where a.personId = p.id)"
                        + " order by p.citizenIdNumber", InsuredPerson.class).getResultList());
        return persons.get(nextPerson++);
    }

    private static IdCard validCard(InsuredPerson p) {
        IdCard c = DemoCards.cardOf(p);
        return new IdCard(c.name(), c.gender(), c.nationCode(), c.birthDate(), c.address(), c.idNumber(), c.issuingAuthority(),
                LocalDate.now(clock).minusYears(5), LocalDate.now(clock).plusYears(5), CardType.RESIDENT, null, null);
    }

    private static IdCard with(IdCard c, String name, LocalDate birth, LocalDate validTo, CardType type) {
        return new IdCard(name, c.gender(), c.nationCode(), birth, c.address(), c.idNumber(), c.issuingAuthority(),
                c.validFrom(), validTo, type, null, null);
    }

    @Test
    void anExpiredCardIsRefusedNamingItsDateAndTheRefusalIsRecorded() {
        InsuredPerson p = freshPerson();
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        IdCard expired = with(validCard(p), p.getName(), p.getBirthDate(), yesterday, CardType.RESIDENT);
        CardCheck check = confirmations.check(p.getId(), expired);
        assertThat(check.problems()).containsExactly(CardCheck.Problem.of(CardCheck.Kind.EXPIRED, yesterday.toString()));
        IdentityConfirmation refused = confirmations.confirmByCard(clerk, p.getId(), expired, IdentityConfirmations.FaceCheck.MATCHES);
        assertThat(refused.getResult()).isEqualTo(ConfirmationResult.REFUSED);
        assertThat(refused.getRefusalReason()).isEqualTo("EXPIRED");
        assertThatThrownBy(() -> credentials.issue(clerk, p.getId(), refused.getId(), PermissionScope.QUERY_ONLY, "expired01"))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "identity.error.notConfirmed");
    }

    @Test
    void aDifferentNameAndBirthDateAreShownFieldByField() {
        InsuredPerson p = freshPerson();
        IdCard renamed = with(validCard(p), "欧阳娜娜", p.getBirthDate().plusDays(3), LocalDate.now(clock).plusYears(1), CardType.RESIDENT);
        CardCheck check = confirmations.check(p.getId(), renamed);
        assertThat(check.problems()).containsExactly(
                CardCheck.Problem.of(CardCheck.Kind.NAME_DIFFERS, "欧阳娜娜", p.getName()),
                CardCheck.Problem.of(CardCheck.Kind.BIRTH_DATE_DIFFERS, p.getBirthDate().plusDays(3).toString(), p.getBirthDate().toString()));
        assertThat(confirmations.confirmByCard(clerk, p.getId(), renamed, IdentityConfirmations.FaceCheck.MATCHES).getRefusalReason())
                .isEqualTo("NAME_DIFFERS,BIRTH_DATE_DIFFERS");
    }

    @Test
    void anUnsupportedCardTypeIsRefused() {
        InsuredPerson p = freshPerson();
        IdCard foreign = with(validCard(p), p.getName(), p.getBirthDate(), LocalDate.now(clock).plusYears(1), CardType.FOREIGN_PERMANENT_2023);
        assertThat(confirmations.check(p.getId(), foreign).problems()).extracting(CardCheck.Problem::kind)
                .containsExactly(CardCheck.Kind.UNSUPPORTED_CARD_TYPE);
    }

    @Test
    void theManualPathNeedsACopyAndASupervisorOtherThanTheClerk() {
        InsuredPerson p = freshPerson();
        String id = p.getCitizenIdNumber();
        assertThatThrownBy(() -> confirmations.confirmManually(clerk, p.getId(), id, false, "zhaomin", password("zhaomin")))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "identity.error.copyRequired");
        assertThatThrownBy(() -> confirmations.confirmManually(clerk, p.getId(), id, true, "chenjing", password("chenjing")))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "identity.error.coSignerSelf");
        assertThatThrownBy(() -> confirmations.confirmManually(clerk, p.getId(), id, true, "wanglei", password("wanglei")))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "identity.error.coSignerNotSupervisor");
        assertThatThrownBy(() -> confirmations.confirmManually(clerk, p.getId(), id, true, "zhaomin", "wrong-password".toCharArray()))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "identity.error.coSignerWrong");
        IdentityConfirmation manual = confirmations.confirmManually(clerk, p.getId(), id.toLowerCase(), true, "zhaomin", password("zhaomin"));
        assertThat(manual.getMethod()).isEqualTo(ConfirmationMethod.MANUAL);
        assertThat(manual.getResult()).isEqualTo(ConfirmationResult.CONFIRMED);
        assertThat(manual.getCoSignerId()).isEqualTo(login("zhaomin").userId());
        assertThat(manual.getCopyTaken()).isTrue();
    }

    @Test
    void anIssuedPasswordVerifiesOnlyAgainstItsHashAndOneAccountPerCitizen() {
        InsuredPerson p = freshPerson();
        IdentityConfirmation c = confirmations.confirmByCard(clerk, p.getId(), validCard(p), IdentityConfirmations.FaceCheck.MATCHES);
        assertThat(c.getResult()).isEqualTo(ConfirmationResult.CONFIRMED);
        String username = "zhang" + UUID.randomUUID().toString().substring(0, 6);
        IssuedCredential issued = credentials.issue(clerk, p.getId(), c.getId(), PermissionScope.ONLINE_BUSINESS, username.toUpperCase());
        String password = new String(issued.password());
        assertThat(password).hasSize(12).matches("[" + InitialPasswords.ALPHABET + "]+").containsPattern("\\d")
                .containsPattern("[A-Z]").containsPattern("[a-z]");
        assertThat(issued.toString()).doesNotContain(password);
        OnlineAccount stored = sessions.fromTransaction(s -> s.find(OnlineAccount.class, issued.accountId()));
        assertThat(stored.getUsername()).isEqualTo(username);
        assertThat(stored.getStatus()).isEqualTo(AccountStatus.PENDING);
        assertThat(stored.isMustChangePassword()).isTrue();
        assertThat(stored.getPasswordHash()).doesNotContain(password).startsWith("pbkdf2");
        assertThat(new PasswordHasher().verify(password.toCharArray(), stored.getPasswordHash())).isTrue();
        assertThat(Duration.between(stored.getIssuedAt(), stored.getPasswordExpiresAt())).isEqualTo(Duration.ofDays(30));
        OutboxCommand command = sessions.fromTransaction(s -> s.createSelectionQuery(
                "from OutboxCommand where subjectId = :id", OutboxCommand.class).setParameter("id", issued.accountId()).getSingleResult());
        assertThat(command.getCommandType()).isEqualTo(CommandType.CREDENTIAL_ISSUED);
        assertThat(command.getPayload()).doesNotContain(password);
        issued.wipe();
        assertThat(issued.password()).containsOnly('\0');

        assertThatThrownBy(() -> credentials.issue(clerk, p.getId(), c.getId(), PermissionScope.QUERY_ONLY, "another01"))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "credential.error.alreadyHasAccount");
        InsuredPerson q = freshPerson();
        IdentityConfirmation cq = confirmations.confirmByCard(clerk, q.getId(), validCard(q), IdentityConfirmations.FaceCheck.MATCHES);
        assertThatThrownBy(() -> credentials.issue(clerk, q.getId(), cq.getId(), PermissionScope.QUERY_ONLY, username))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "credential.error.usernameTaken");
        assertThatThrownBy(() -> credentials.issue(clerk, q.getId(), cq.getId(), PermissionScope.QUERY_ONLY, "9abc"))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "credential.error.usernameRule");
        assertThat(credentials.suggestUsername()).matches("sb[a-z2-9]{7}");
    }

    @Test
    void aResetNeedsANewConfirmationAndAnOldConfirmationExpires() {
        InsuredPerson p = freshPerson();
        IdentityConfirmation first = confirmations.confirmByCard(clerk, p.getId(), validCard(p), IdentityConfirmations.FaceCheck.MATCHES);
        IssuedCredential issued = credentials.issue(clerk, p.getId(), first.getId(), PermissionScope.QUERY_ONLY,
                "reset" + UUID.randomUUID().toString().substring(0, 6));
        assertThatThrownBy(() -> credentials.resetPassword(clerk, issued.accountId(), first.getId()))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "credential.error.newConfirmationNeeded");
        clock.advance(Duration.ofMinutes(2));
        IdentityConfirmation second = confirmations.confirmByCard(clerk, p.getId(), validCard(p), IdentityConfirmations.FaceCheck.MATCHES);
        IssuedCredential reset = credentials.resetPassword(clerk, issued.accountId(), second.getId());
        String hash = sessions.fromTransaction(s -> s.find(OnlineAccount.class, issued.accountId()).getPasswordHash());
        assertThat(new PasswordHasher().verify(reset.password(), hash)).isTrue();
        assertThat(new PasswordHasher().verify(issued.password(), hash)).isFalse();

        clock.advance(Duration.ofMinutes(31));
        assertThatThrownBy(() -> credentials.resetPassword(clerk, issued.accountId(), second.getId()))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "identity.error.confirmationExpired");
    }

    /** Found by the fault soak: an account whose citizen changed the password on the portal has no expiry date. */
    @Test
    void anAccountWhoseCitizenChangedThePasswordCanBeResetAtTheCounter() {
        OnlineAccount own = sessions.fromTransaction(s -> s.createSelectionQuery("from OnlineAccount where passwordExpiresAt is null"
                + " and status = :active order by username", OnlineAccount.class).setParameter("active", AccountStatus.ACTIVE)
                .setMaxResults(1).getSingleResult());
        InsuredPerson p = sessions.fromTransaction(s -> s.find(InsuredPerson.class, own.getPersonId()));
        IdentityConfirmation now = confirmations.confirmByCard(clerk, p.getId(), validCard(p), IdentityConfirmations.FaceCheck.MATCHES);
        IssuedCredential reset = credentials.resetPassword(clerk, own.getId(), now.getId());
        assertThat(reset.passwordExpiresAt()).isAfter(clock.instant());
        String hash = sessions.fromTransaction(s -> s.find(OnlineAccount.class, own.getId()).getPasswordHash());
        assertThat(new PasswordHasher().verify(reset.password(), hash)).isTrue();
    }

    @Test
    void lockUnlockAndRevokeFollowTheirOrderAndAreInTheHistory() {
        InsuredPerson p = freshPerson();
        IdentityConfirmation c = confirmations.confirmByCard(clerk, p.getId(), validCard(p), IdentityConfirmations.FaceCheck.MATCHES);
        IssuedCredential issued = credentials.issue(clerk, p.getId(), c.getId(), PermissionScope.QUERY_ONLY,
                "care" + UUID.randomUUID().toString().substring(0, 6));
        assertThatThrownBy(() -> credentials.unlock(clerk, issued.accountId()))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "credential.error.wrongStatus");
        assertThatThrownBy(() -> credentials.lock(clerk, issued.accountId(), " "))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "credential.error.reasonRequired");
        credentials.lock(clerk, issued.accountId(), "citizen reports a lost phone");
        credentials.unlock(clerk, issued.accountId());
        credentials.revoke(clerk, issued.accountId(), "citizen asked");
        OnlineCredentials.AccountView view = credentials.accountOf(p.getId());
        assertThat(view.current()).isEmpty();
        assertThat(view.all()).singleElement().satisfies(a -> assertThat(a.getStatus()).isEqualTo(AccountStatus.REVOKED));
        assertThat(view.history()).extracting(e -> e.getActionCode())
                .containsExactly("credential.revoked", "credential.unlocked", "credential.locked", "credential.issued");
    }

    @Test
    void theGuardrailStopsIssuingAndSaysWhy() {
        OnlineCredentials stopped = new OnlineCredentials(sessions, confirmations, new PasswordHasher(),
                new Outbox(sessions, clock, TimeOrderedIds.system()), demo.audit(), clock, TimeOrderedIds.system(),
                () -> {
                    throw new LocalizedException("guardrail.offlineTooLong", 3, 2);
                }, () -> { });
        InsuredPerson p = freshPerson();
        IdentityConfirmation c = confirmations.confirmByCard(clerk, p.getId(), validCard(p), IdentityConfirmations.FaceCheck.MATCHES);
        assertThatThrownBy(() -> stopped.issue(clerk, p.getId(), c.getId(), PermissionScope.QUERY_ONLY, "guard01"))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "guardrail.offlineTooLong");
    }
}
