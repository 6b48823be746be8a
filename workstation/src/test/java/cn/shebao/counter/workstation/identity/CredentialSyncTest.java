package cn.shebao.counter.workstation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.device.card.CardType;
import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.central.CommandApplier;
import cn.shebao.counter.workstation.central.CommandHandlers;
import cn.shebao.counter.workstation.central.JdbcChangeSource;
import cn.shebao.counter.workstation.central.JdbcSnapshotSource;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.command.SyncConflict;
import cn.shebao.counter.workstation.demo.DemoCards;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.security.LoginOutcome;
import cn.shebao.counter.workstation.security.LoginPolicy;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.sync.ConflictQueue;
import cn.shebao.counter.workstation.sync.InitialLoad;
import cn.shebao.counter.workstation.sync.Puller;
import cn.shebao.counter.workstation.sync.Pusher;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
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
    private static TestPostgres pg;
    private static SessionFactory central;
    private static CommandApplier applier;
    private static Window a;
    private static Window b;

    /** One workstation: its replica, services and sync parts. */
    private record Window(String code, Replica replica, IdentityConfirmations confirmations, OnlineCredentials credentials,
            Pusher pusher, Puller puller, StaffSession clerk, StaffSession supervisor, ConflictQueue conflicts) {

        static Window open(Path dir, String code) throws Exception {
            Replica replica = Replica.open(new DataDirectory(dir.resolve("data")),
                    new KeyStoreKeyProtector(dir.resolve("keys"), "credential-sync".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE));
            new InitialLoad(new JdbcSnapshotSource(pg.dataSource()), replica.dataSource(), 500).run(p -> { });
            Clock clock = Clock.systemUTC();
            AuditLog audit = new AuditLog(replica.sessions(), clock, TimeOrderedIds.system(), code);
            Outbox outbox = new Outbox(replica.sessions(), clock, TimeOrderedIds.system());
            StaffAuthenticator auth = new StaffAuthenticator(replica.sessions(), new PasswordHasher(), audit, clock, LoginPolicy.standard());
            IdentityConfirmations confirmations = new IdentityConfirmations(replica.sessions(), auth, outbox, audit, clock,
                    TimeOrderedIds.system(), code);
            OnlineCredentials credentials = new OnlineCredentials(replica.sessions(), confirmations, new PasswordHasher(), outbox,
                    audit, clock, TimeOrderedIds.system(), IssuingGuardrail.none(), () -> { });
            applier.register(code);
            StaffSession clerk = ((LoginOutcome.Success) auth.login("chenjing",
                    IdentityAndCredentialsTest.password("chenjing"))).session();
            StaffSession supervisor = ((LoginOutcome.Success) auth.login("zhaomin",
                    IdentityAndCredentialsTest.password("zhaomin"))).session();
            return new Window(code, replica, confirmations, credentials, new Pusher(outbox, applier, code),
                    new Puller(new JdbcChangeSource(pg.dataSource()), replica.dataSource(), 1000, clock), clerk, supervisor,
                    new ConflictQueue(replica.sessions(), auth, outbox, audit, clock, () -> { }));
        }

        IssuedCredential issueTo(InsuredPerson p, String username) {
            IdCard c = DemoCards.cardOf(p);
            IdCard card = new IdCard(c.name(), c.gender(), c.nationCode(), c.birthDate(), c.address(), c.idNumber(),
                    c.issuingAuthority(), LocalDate.now().minusYears(1), LocalDate.now().plusYears(9), CardType.RESIDENT, null, null);
            IdentityConfirmation confirmation = confirmations.confirmByCard(clerk, p.getId(), card, IdentityConfirmations.FaceCheck.MATCHES);
            return credentials.issue(clerk, p.getId(), confirmation.getId(), PermissionScope.ONLINE_BUSINESS, username);
        }

        void sync() throws Exception {
            assertThat(pusher.push(1000).complete()).isTrue();
            puller.pullAll();
        }

        AccountStatus statusOf(IssuedCredential issued) {
            OnlineAccount account = replica.sessions().fromTransaction(s -> s.find(OnlineAccount.class, issued.accountId()));
            return account == null ? null : account.getStatus();
        }
    }

    @BeforeAll
    static void central() throws Exception {
        pg = TestPostgres.createDatabase();
        Migrations.migrate(pg.dataSource(), Migrations.Role.CENTRAL);
        central = CentralSchema.unit(PersistenceUnit.SchemaCheck.VALIDATE).create(pg.dataSource());
        new DemoDataGenerator(new DemoDataGenerator.Settings(2026, 40, DemoReplica.AS_OF, 12, 40))
                .generate(new HibernateDemoSink(central), (done, total, rows) -> { });
        applier = new CommandApplier(central, CommandHandlers.all(Clock.systemUTC()), Clock.systemUTC(), TimeOrderedIds.system());
        free = central.fromTransaction(s -> s.createSelectionQuery(
                "from InsuredPerson p where not exists (select 1 from OnlineAccount o where o.personId = p.id)"
                        + " order by p.citizenIdNumber", InsuredPerson.class).setMaxResults(10).getResultList());
        a = Window.open(tmp.resolve("a"), "WIN-A");
        b = Window.open(tmp.resolve("b"), "WIN-B");
    }

    @AfterAll
    static void close() throws Exception {
        a.replica().close();
        b.replica().close();
        central.close();
        pg.close();
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
        a.replica().sessions().inTransaction(s -> s.createNativeMutationQuery(
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
