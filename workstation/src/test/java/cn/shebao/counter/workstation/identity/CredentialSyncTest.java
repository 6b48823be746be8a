package cn.shebao.counter.workstation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.device.card.CardType;
import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.command.SyncConflict;
import cn.shebao.counter.workstation.demo.DemoCards;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.sync.ConflictQueue;
import cn.shebao.counter.workstation.testing.CentralPlusWindows;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.SyncedWindow;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials through sync with a real PostgreSQL central: an offline issue is activated by sync, and two
 * windows that issued to the same citizen while offline end with one active account and one visible conflict.
 */
class CredentialSyncTest {

    @TempDir
    static Path tmp;
    private static CentralPlusWindows centre;
    private static SessionFactory central;
    private static Window a;
    private static Window b;

    /** One workstation's identity and credential services, its clerk and supervisor, over the shared fixture's window. */
    private record Window(SyncedWindow at, IdentityConfirmations confirmations, OnlineCredentials credentials, StaffSession clerk,
            StaffSession supervisor, ConflictQueue conflicts) {

        static Window open(String code) throws Exception {
            SyncedWindow w = centre.window(code);
            IdentityConfirmations confirmations = new IdentityConfirmations(w.sessions(), w.auth(), w.outbox(), w.audit(), w.clock(),
                    TimeOrderedIds.system(), code);
            OnlineCredentials credentials = new OnlineCredentials(w.sessions(), confirmations, new PasswordHasher(), w.outbox(),
                    w.audit(), w.clock(), TimeOrderedIds.system(), IssuingGuardrail.none(), () -> { });
            return new Window(w, confirmations, credentials, w.login("chenjing"), w.login("zhaomin"),
                    new ConflictQueue(w.sessions(), w.auth(), w.outbox(), w.audit(), w.clock(), () -> { }));
        }

        IssuedCredential issueTo(InsuredPerson p, String username) {
            IdCard c = DemoCards.cardOf(p);
            IdCard card = new IdCard(c.name(), c.gender(), c.nationCode(), c.birthDate(), c.address(), c.idNumber(),
                    c.issuingAuthority(), LocalDate.now().minusYears(1), LocalDate.now().plusYears(9), CardType.RESIDENT, null, null);
            IdentityConfirmation confirmation = confirmations.confirmByCard(clerk, p.getId(), card, IdentityConfirmations.FaceCheck.MATCHES);
            return credentials.issue(clerk, p.getId(), confirmation.getId(), PermissionScope.ONLINE_BUSINESS, username);
        }

        void sync() throws Exception {
            at.sync();
        }

        AccountStatus statusOf(IssuedCredential issued) {
            OnlineAccount account = at.find(OnlineAccount.class, issued.accountId());
            return account == null ? null : account.getStatus();
        }
    }

    @BeforeAll
    static void central() throws Exception {
        centre = CentralPlusWindows.inProcess(tmp, new DemoDataGenerator.Settings(2026, 40, DemoReplica.AS_OF, 12, 40));
        central = centre.central();
        free = central.fromTransaction(s -> s.createSelectionQuery(
                "from InsuredPerson p where not exists (select 1 from OnlineAccount o where o.personId = p.id)"
                        + " order by p.citizenIdNumber", InsuredPerson.class).setMaxResults(10).getResultList());
        a = Window.open("WIN-A");
        b = Window.open("WIN-B");
    }

    @AfterAll
    static void close() throws Exception {
        centre.close();
    }

    /** Persons without an account when the class starts: each test uses its own. */
    private static List<InsuredPerson> free;

    private static InsuredPerson person(int index) {
        return free.get(index);
    }

    /**
     * A manual confirmation carries the co-signing supervisor's signature, made with the key their password unlocked,
     * and central verifies it; the same command with the signature stripped on its way (a patched workstation) is
     * refused and central holds no such confirmation.
     */
    @Test
    void aManualConfirmationIsSignedByItsCoSignerAndCentralRefusesOneWithout() throws Exception {
        InsuredPerson p = person(5);
        IdentityConfirmation signed = a.confirmations().confirmManually(a.clerk(), p.getId(), p.getCitizenIdNumber(), true,
                "zhaomin", IdentityAndCredentialsTest.password("zhaomin"));
        IdentityConfirmation stripped = a.confirmations().confirmManually(a.clerk(), p.getId(), p.getCitizenIdNumber(), true,
                "zhaomin", IdentityAndCredentialsTest.password("zhaomin"));
        a.at().sessions().inTransaction(s -> s.createNativeMutationQuery(
                "UPDATE outbox_command SET signature = NULL, signed_by = NULL WHERE subject_id = ?1")
                .setParameter(1, stripped.getId()).executeUpdate());
        a.sync();

        IdentityConfirmation there = central.fromTransaction(s -> s.find(IdentityConfirmation.class, signed.getId()));
        assertThat(there).isNotNull();
        assertThat(there.getCoSignerId()).isEqualTo(a.supervisor().userId());
        IdentityConfirmation refusedThere = central.fromTransaction(s -> s.find(IdentityConfirmation.class, stripped.getId()));
        assertThat(refusedThere).isNull();
        List<SyncConflict> refused = central.fromTransaction(s -> s.createSelectionQuery(
                "from SyncConflict where personId = :p and commandType = 'IDENTITY_CONFIRMED'", SyncConflict.class)
                .setParameter("p", p.getId()).getResultList());
        assertThat(refused).extracting(SyncConflict::getConflictKind).containsExactly("SIGNATURE_MISSING");
    }

    @Test
    void anOfflineIssueIsPendingUntilSyncActivatesIt() throws Exception {
        InsuredPerson p = person(0);
        IssuedCredential issued = a.issueTo(p, "offline" + System.nanoTime() % 100000);
        assertThat(a.statusOf(issued)).isEqualTo(AccountStatus.PENDING);
        a.sync();
        assertThat(a.statusOf(issued)).isEqualTo(AccountStatus.ACTIVE);
        OnlineAccount there = central.fromTransaction(s -> s.find(OnlineAccount.class, issued.accountId()));
        assertThat(there.getStatus()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(new PasswordHasher().verify(issued.password(), there.getPasswordHash())).isTrue();
        b.sync(); // the other window learns of it too
        assertThat(b.statusOf(issued)).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void twoOfflineIssuesToOneCitizenGiveOneActiveAccountAndAVisibleConflict() throws Exception {
        InsuredPerson p = person(1);
        IssuedCredential first = a.issueTo(p, "first" + System.nanoTime() % 100000);
        IssuedCredential second = b.issueTo(p, "second" + System.nanoTime() % 100000);
        a.sync();
        b.sync();
        a.sync();

        List<OnlineAccount> accounts = central.fromTransaction(s -> s.createSelectionQuery(
                "from OnlineAccount where personId = :p", OnlineAccount.class).setParameter("p", p.getId()).getResultList());
        assertThat(accounts).singleElement().satisfies(acc -> {
            assertThat(acc.getId()).isEqualTo(first.accountId());
            assertThat(acc.getStatus()).isEqualTo(AccountStatus.ACTIVE);
        });
        assertThat(a.statusOf(first)).isEqualTo(AccountStatus.ACTIVE);
        assertThat(b.statusOf(first)).isEqualTo(AccountStatus.ACTIVE);
        assertThat(b.statusOf(second)).as("the refused pending account is gone from its window").isNull();
        List<SyncConflict> conflicts = central.fromTransaction(s -> s.createSelectionQuery(
                "from SyncConflict where nodeCode = 'WIN-B' and conflictKind = 'CREDENTIAL_ALREADY_ACTIVE'", SyncConflict.class)
                .getResultList());
        assertThat(conflicts).hasSize(1);
        OnlineCredentials.AccountView atB = b.credentials().accountOf(p.getId());
        assertThat(atB.current()).hasValueSatisfying(acc -> assertThat(acc.getId()).isEqualTo(first.accountId()));
        assertThat(atB.rejected()).singleElement().satisfies(r -> {
            assertThat(r.username()).isEqualTo(second.username());
            assertThat(r.reason()).isEqualTo("CREDENTIAL_ALREADY_ACTIVE");
        });

        // The conflict reaches every window's supervisor queue; one supervisor resolves it, everyone learns of it.
        SyncConflict queued = a.conflicts().open().stream().filter(c -> p.getId().equals(c.getPersonId())).findFirst().orElseThrow();
        assertThat(queued.getDetail()).contains("issued=" + second.username()).contains("existing=" + first.username());
        StaffSession clerkAtA = a.clerk();
        assertThatThrownBy(() -> a.conflicts().resolve(clerkAtA, IdentityAndCredentialsTest.password("chenjing"), queued.getId(), "done"))
                .isInstanceOf(cn.shebao.counter.workstation.security.AccessDeniedException.class);
        StaffSession supervisor = a.supervisor();
        assertThatThrownBy(() -> a.conflicts().resolve(supervisor, "not-the-password1".toCharArray(), queued.getId(), "x"))
                .isInstanceOf(cn.shebao.counter.workstation.i18n.LocalizedException.class);
        a.conflicts().resolve(supervisor, IdentityAndCredentialsTest.password("zhaomin"), queued.getId(),
                "citizen called back; the account from WIN-A stays");
        a.sync();
        b.sync();
        SyncConflict central = CredentialSyncTest.central.fromTransaction(s -> s.find(SyncConflict.class, queued.getId()));
        assertThat(central.getStatus()).isEqualTo(SyncConflict.RESOLVED);
        assertThat(central.getResolvedBy()).isEqualTo(supervisor.userId());
        assertThat(b.conflicts().open()).extracting(SyncConflict::getId).doesNotContain(queued.getId());
    }

    @Test
    void aUsernameTakenElsewhereIsAConflictToo() throws Exception {
        String name = "taken" + System.nanoTime() % 100000;
        IssuedCredential first = a.issueTo(person(2), name);
        IssuedCredential clash = b.issueTo(person(3), name);
        a.sync();
        b.sync();
        assertThat(a.statusOf(first)).isEqualTo(AccountStatus.ACTIVE);
        assertThat(b.statusOf(clash)).isNull();
        assertThat(b.credentials().accountOf(clash.personId()).rejected()).extracting(OnlineCredentials.RejectedIssue::reason)
                .containsExactly("USERNAME_TAKEN");
    }
}
