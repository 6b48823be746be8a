package cn.shebao.counter.workstation.drugs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.central.CommandApplier;
import cn.shebao.counter.workstation.central.CommandHandlers;
import cn.shebao.counter.workstation.central.JdbcChangeSource;
import cn.shebao.counter.workstation.central.JdbcSnapshotSource;
import cn.shebao.counter.workstation.citizen.InsuranceType;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.citizen.ParticipationStatus;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.command.OutboxCommand;
import cn.shebao.counter.workstation.command.OutboxState;
import cn.shebao.counter.workstation.command.SyncConflict;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.security.LoginPolicy;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.sync.InitialLoad;
import cn.shebao.counter.workstation.sync.Puller;
import cn.shebao.counter.workstation.sync.Pusher;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two windows decide the same application while offline, against a real PostgreSQL central: the same decision
 * is recorded as concurring, opposite ones make it disputed and put it in the supervisors' queue.
 */
class DrugDecisionSyncTest {

    @TempDir
    static Path tmp;
    private static TestPostgres pg;
    private static SessionFactory central;
    private static CommandApplier applier;
    private static Window a;
    private static Window b;
    private static List<InsuredPerson> insured;
    private static int next;
    private static final LocalDate START = LocalDate.now().plusDays(3);

    private record Window(Replica replica, DrugApplications applications, Outbox outbox, Pusher pusher, Puller puller,
            StaffSession clerk, StaffSession zhaomin, StaffSession sunli) {

        static Window open(Path dir, String code) throws Exception {
            Replica replica = Replica.open(new DataDirectory(dir.resolve("data")),
                    new KeyStoreKeyProtector(dir.resolve("keys"), "drug-sync".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE));
            new InitialLoad(new JdbcSnapshotSource(pg.dataSource()), replica.dataSource(), 500).run(p -> { });
            Clock clock = Clock.systemUTC();
            AuditLog audit = new AuditLog(replica.sessions(), clock, TimeOrderedIds.system(), code);
            Outbox outbox = new Outbox(replica.sessions(), clock, TimeOrderedIds.system());
            StaffAuthenticator auth = new StaffAuthenticator(replica.sessions(), new PasswordHasher(), audit, clock, LoginPolicy.standard());
            applier.register(code);
            return new Window(replica, new DrugApplications(replica.sessions(), auth, outbox, audit, clock, TimeOrderedIds.system(),
                    () -> { }), outbox, new Pusher(outbox, applier, code), new Puller(new JdbcChangeSource(pg.dataSource()), replica.dataSource(), 1000, clock),
                    DrugApplicationsTest.loginTo(auth, "chenjing"), DrugApplicationsTest.loginTo(auth, "zhaomin"),
                    DrugApplicationsTest.loginTo(auth, "sunli"));
        }

        void sync() throws Exception {
            assertThat(pusher.push(1000).complete()).isTrue();
            puller.pullAll();
        }

        SpecialDrugApplication find(SpecialDrugApplication app) {
            return replica.sessions().fromTransaction(s -> s.find(SpecialDrugApplication.class, app.getId()));
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
        insured = central.fromTransaction(s -> s.createSelectionQuery("from InsuredPerson p where exists (select 1 from"
                + " InsuranceParticipation i where i.personId = p.id and i.insuranceType = :m and i.status = :a)"
                + " order by p.citizenIdNumber", InsuredPerson.class).setParameter("m", InsuranceType.MEDICAL)
                .setParameter("a", ParticipationStatus.ACTIVE).getResultList());
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

    /** Registered at A, known to both windows, then both go offline. */
    private static SpecialDrugApplication registeredEverywhere() throws Exception {
        InsuredPerson p;
        synchronized (DrugDecisionSyncTest.class) {
            p = insured.get(next++);
        }
        SpecialDrug drug = a.replica().sessions().fromTransaction(s -> s.createSelectionQuery(
                "from SpecialDrug where drugCode = 'TY-XD-008'", SpecialDrug.class).getSingleResult());
        SpecialDrugApplication app = a.applications().register(a.clerk(), new RegistrationRequest(p.getId(), drug.getId(), "M05.9",
                "浙江省人民医院", "李医生", START, START.plusMonths(6), null, true, true, true));
        a.sync();
        b.sync();
        assertThat(b.find(app).getStatus()).isEqualTo(ApplicationStatus.REGISTERED);
        return app;
    }

    private static Decision.Approve approve(SpecialDrugApplication app) {
        return new Decision.Approve(app.getId(), START, START.plusMonths(6), new BigDecimal("9000"));
    }

    private static SpecialDrugApplication atCentral(SpecialDrugApplication app) {
        return central.fromTransaction(s -> s.find(SpecialDrugApplication.class, app.getId()));
    }

    @Test
    void theSameDecisionTwiceIsRecordedAsConcurring() throws Exception {
        SpecialDrugApplication app = registeredEverywhere();
        a.applications().decide(a.zhaomin(), DrugApplicationsTest.password("zhaomin"), List.of(approve(app)));
        b.applications().decide(b.sunli(), DrugApplicationsTest.password("sunli"), List.of(approve(app)));
        a.sync();
        b.sync();
        a.sync();
        SpecialDrugApplication there = atCentral(app);
        assertThat(there.getStatus()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(there.getDecidedBy()).isEqualTo(a.zhaomin().userId());
        assertThat(there.getConcurredBy()).isEqualTo(b.sunli().userId());
        assertThat(a.find(app).getConcurredBy()).isEqualTo(b.sunli().userId());
        assertThat(conflictsFor(app)).isEmpty();
    }

    /**
     * Found by the fault soak: the same supervisor's decision at a second window, while central's arrived there and was
     * skipped because the window's own decision waited; central took nothing from the second (the row stayed), so the
     * window kept its own decision time for good. Central now sends the row back after such an answer.
     */
    @Test
    void aWindowThatPulledWhileItsOwnDecisionWaitedEndsWithCentralsRow() throws Exception {
        SpecialDrugApplication app = registeredEverywhere();
        a.applications().decide(a.zhaomin(), DrugApplicationsTest.password("zhaomin"), List.of(approve(app)));
        a.sync();
        b.applications().decide(b.zhaomin(), DrugApplicationsTest.password("zhaomin"), List.of(approve(app)));
        b.puller().pullAll(); // central's decision arrives while b's waits: skipped
        b.sync();
        SpecialDrugApplication there = atCentral(app);
        SpecialDrugApplication here = b.find(app);
        assertThat(here.getDecidedAt()).isEqualTo(there.getDecidedAt());
        assertThat(here.getDecidedBy()).isEqualTo(there.getDecidedBy());
        assertThat(here.getRowVersion()).isEqualTo(there.getRowVersion());
    }

    @Test
    void oppositeDecisionsMakeTheApplicationDisputedAndANewDecisionSettlesIt() throws Exception {
        SpecialDrugApplication app = registeredEverywhere();
        a.applications().decide(a.zhaomin(), DrugApplicationsTest.password("zhaomin"), List.of(approve(app)));
        b.applications().decide(b.sunli(), DrugApplicationsTest.password("sunli"),
                List.of(new Decision.Reject(app.getId(), RejectionReason.DOCUMENTS_INCOMPLETE, "缺病理报告")));
        a.sync();
        b.sync();
        a.sync();
        assertThat(atCentral(app).getStatus()).isEqualTo(ApplicationStatus.DISPUTED);
        assertThat(a.find(app).getStatus()).isEqualTo(ApplicationStatus.DISPUTED);
        assertThat(b.find(app).getStatus()).isEqualTo(ApplicationStatus.DISPUTED);
        assertThat(conflictsFor(app)).extracting(SyncConflict::getConflictKind).containsExactly("DECISION_DISPUTED");
        assertThat(a.applications().worklist(a.zhaomin(), 0)).extracting(w -> w.application().getId()).contains(app.getId());

        a.applications().decide(a.zhaomin(), DrugApplicationsTest.password("zhaomin"),
                List.of(new Decision.Reject(app.getId(), RejectionReason.DOCUMENTS_INCOMPLETE, "复核：材料不全")));
        a.sync();
        b.sync();
        assertThat(atCentral(app).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(b.find(app).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
    }

    @Test
    void centralRefusesADecisionByTheRegistrantEvenWhenAWorkstationSendsOne() throws Exception {
        SpecialDrugApplication app = registeredEverywhere();
        // A tampered or outdated workstation skips the service's check and queues the registrant's own decision.
        a.replica().sessions().inTransaction(s -> {
            SpecialDrugApplication local = s.find(SpecialDrugApplication.class, app.getId());
            SpecialDrug drug = s.find(SpecialDrug.class, local.getDrugId());
            DrugApplications.apply(s, local, approve(app), drug, a.clerk().userId(), Instant.now());
            s.flush();
            a.outbox().append(s, CommandType.DRUG_APPLICATION_DECIDED, DrugPayloads.decided(local), "special_drug_application",
                    local.getId(), a.clerk().userId(), a.clerk().username());
        });
        a.sync();
        OutboxCommand sent = a.replica().sessions().fromTransaction(s -> s.createSelectionQuery(
                "from OutboxCommand where subjectId = :id and commandType = :t", OutboxCommand.class)
                .setParameter("id", app.getId()).setParameter("t", CommandType.DRUG_APPLICATION_DECIDED).getSingleResult());
        assertThat(sent.getState()).isEqualTo(OutboxState.CONFLICT);
        assertThat(atCentral(app).getStatus()).isEqualTo(ApplicationStatus.REGISTERED);
        List<SyncConflict> refused = central.fromTransaction(s -> s.createSelectionQuery(
                "from SyncConflict where commandId = :c", SyncConflict.class).setParameter("c", sent.getCommandId()).getResultList());
        // The registrant here is a clerk, so central refuses the decider's role before four-eyes is even asked;
        // a registrant who is also a supervisor is refused as SELF_DECISION (ForgedCommandsTest).
        assertThat(refused).extracting(SyncConflict::getConflictKind).containsExactly("ACTOR_NOT_PERMITTED");
    }

    /**
     * Both windows are offline and each registers the same drug for the same citizen over overlapping months: each
     * passes its own replica's rules. Central runs the same rules and keeps the first; the second is a conflict for
     * the supervisors, its row is removed from the window that registered it, and the first can be approved.
     */
    @Test
    void overlappingRegistrationsFromTwoOfflineWindowsLeaveOneApprovedPathAndOneConflict() throws Exception {
        InsuredPerson p;
        synchronized (DrugDecisionSyncTest.class) {
            p = insured.get(next++);
        }
        SpecialDrug drug = a.replica().sessions().fromTransaction(s -> s.createSelectionQuery(
                "from SpecialDrug where drugCode = 'TY-XD-008'", SpecialDrug.class).getSingleResult());
        SpecialDrugApplication atA = a.applications().register(a.clerk(), new RegistrationRequest(p.getId(), drug.getId(), "M05.9",
                "浙江省人民医院", "李医生", START, START.plusMonths(6), null, true, true, true));
        SpecialDrugApplication atB = b.applications().register(b.clerk(), new RegistrationRequest(p.getId(), drug.getId(), "M05.9",
                "杭州市第一人民医院", "王医生", START.plusMonths(2), START.plusMonths(8), null, true, true, true));
        a.sync();
        b.sync();
        a.sync();

        assertThat(atCentral(atA).getStatus()).isEqualTo(ApplicationStatus.REGISTERED);
        assertThat(atCentral(atB)).isNull();
        OutboxCommand refused = b.replica().sessions().fromTransaction(s -> s.createSelectionQuery(
                "from OutboxCommand where subjectId = :id", OutboxCommand.class).setParameter("id", atB.getId()).getSingleResult());
        assertThat(refused.getState()).isEqualTo(OutboxState.CONFLICT);
        List<SyncConflict> conflicts = central.fromTransaction(s -> s.createSelectionQuery(
                "from SyncConflict where commandId = :c", SyncConflict.class).setParameter("c", refused.getCommandId()).getResultList());
        assertThat(conflicts).extracting(SyncConflict::getConflictKind, SyncConflict::getDetail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REGISTRATION_REFUSED", "drug.error.overlapOpen"));
        assertThat(conflicts.get(0).getPersonId()).isEqualTo(p.getId());
        assertThat(b.find(atB)).as("the refused registration is gone from the window that made it").isNull();
        assertThat(b.find(atA).getStatus()).isEqualTo(ApplicationStatus.REGISTERED);
        SyncConflict seenAtB = b.replica().sessions().fromTransaction(s -> s.find(SyncConflict.class, conflicts.get(0).getId()));
        assertThat(seenAtB).as("the supervisors at B see the conflict").isNotNull();

        b.applications().decide(b.sunli(), DrugApplicationsTest.password("sunli"), List.of(approve(atA)));
        b.sync();
        a.sync();
        assertThat(atCentral(atA).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(a.find(atA).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
    }

    private static List<SyncConflict> conflictsFor(SpecialDrugApplication app) {
        return central.fromTransaction(s -> s.createSelectionQuery("from SyncConflict where personId = :p and conflictKind like 'DECISION%'",
                SyncConflict.class).setParameter("p", app.getPersonId()).getResultList());
    }
}
