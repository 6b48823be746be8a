package cn.shebao.counter.workstation.drugs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.citizen.InsuranceType;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.citizen.ParticipationStatus;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.OutboxCommand;
import cn.shebao.counter.workstation.command.OutboxState;
import cn.shebao.counter.workstation.command.SyncConflict;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.CentralPlusWindows;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.SyncedWindow;
import java.math.BigDecimal;
import java.nio.file.Path;
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
    private static CentralPlusWindows centre;
    private static SessionFactory central;
    private static Window a;
    private static Window b;
    private static List<InsuredPerson> insured;
    private static int next;
    private static final LocalDate START = LocalDate.now().plusDays(3);

    /** A window's drug applications and its clerk and two supervisors, over the shared fixture's window. */
    private record Window(SyncedWindow at, DrugApplications applications, StaffSession clerk, StaffSession zhaomin, StaffSession sunli) {

        static Window open(String code) throws Exception {
            SyncedWindow w = centre.window(code);
            return new Window(w, new DrugApplications(w.sessions(), w.auth(), w.outbox(), w.audit(), w.clock(), TimeOrderedIds.system(),
                    () -> { }), w.login("chenjing"), w.login("zhaomin"), w.login("sunli"));
        }

        void sync() throws Exception {
            at.sync();
        }

        SpecialDrugApplication find(SpecialDrugApplication app) {
            return at.find(SpecialDrugApplication.class, app.getId());
        }
    }

    @BeforeAll
    static void central() throws Exception {
        centre = CentralPlusWindows.inProcess(tmp, new DemoDataGenerator.Settings(2026, 40, DemoReplica.AS_OF, 12, 40));
        central = centre.central();
        insured = central.fromTransaction(s -> s.createSelectionQuery("from InsuredPerson p where exists (select 1 from"
                + " InsuranceParticipation i where i.personId = p.id and i.insuranceType = :m and i.status = :a)"
                + " order by p.citizenIdNumber", InsuredPerson.class).setParameter("m", InsuranceType.MEDICAL)
                .setParameter("a", ParticipationStatus.ACTIVE).getResultList());
        a = Window.open("WIN-A");
        b = Window.open("WIN-B");
    }

    @AfterAll
    static void close() throws Exception {
        centre.close();
    }

    /** Registered at A, known to both windows, then both go offline. */
    private static SpecialDrugApplication registeredEverywhere() throws Exception {
        InsuredPerson p;
        synchronized (DrugDecisionSyncTest.class) {
            p = insured.get(next++);
        }
        SpecialDrug drug = a.at().sessions().fromTransaction(s -> s.createSelectionQuery(
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
        b.at().pull(); // central's decision arrives while b's waits: skipped
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
        a.at().sessions().inTransaction(s -> {
            SpecialDrugApplication local = s.find(SpecialDrugApplication.class, app.getId());
            SpecialDrug drug = s.find(SpecialDrug.class, local.getDrugId());
            DrugApplications.apply(s, local, approve(app), drug, a.clerk().userId(), Instant.now());
            s.flush();
            a.at().outbox().append(s, CommandType.DRUG_APPLICATION_DECIDED, DrugPayloads.decided(local), "special_drug_application",
                    local.getId(), a.clerk().userId(), a.clerk().username());
        });
        a.sync();
        OutboxCommand sent = a.at().sessions().fromTransaction(s -> s.createSelectionQuery(
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
        SpecialDrug drug = a.at().sessions().fromTransaction(s -> s.createSelectionQuery(
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
        OutboxCommand refused = b.at().sessions().fromTransaction(s -> s.createSelectionQuery(
                "from OutboxCommand where subjectId = :id", OutboxCommand.class).setParameter("id", atB.getId()).getSingleResult());
        assertThat(refused.getState()).isEqualTo(OutboxState.CONFLICT);
        List<SyncConflict> conflicts = central.fromTransaction(s -> s.createSelectionQuery(
                "from SyncConflict where commandId = :c", SyncConflict.class).setParameter("c", refused.getCommandId()).getResultList());
        assertThat(conflicts).extracting(SyncConflict::getConflictKind, SyncConflict::getDetail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REGISTRATION_REFUSED", "drug.error.overlapOpen"));
        assertThat(conflicts.get(0).getPersonId()).isEqualTo(p.getId());
        assertThat(b.find(atB)).as("the refused registration is gone from the window that made it").isNull();
        assertThat(b.find(atA).getStatus()).isEqualTo(ApplicationStatus.REGISTERED);
        SyncConflict seenAtB = b.at().sessions().fromTransaction(s -> s.find(SyncConflict.class, conflicts.get(0).getId()));
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
