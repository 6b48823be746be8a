package cn.shebao.counter.workstation.drugs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.app.DemoMode;
import cn.shebao.counter.workstation.citizen.InsuranceParticipation;
import cn.shebao.counter.workstation.citizen.InsuranceType;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.citizen.ParticipationStatus;
import cn.shebao.counter.workstation.citizen.RegistrationStatus;
import cn.shebao.counter.workstation.citizen.SpecifiedDiseaseRegistration;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.command.OutboxCommand;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.security.AccessDeniedException;
import cn.shebao.counter.workstation.security.LoginOutcome;
import cn.shebao.counter.workstation.security.LoginPolicy;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.DemoReplica;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule of special-drug applications, against a generated replica and the demo staff. */
class DrugApplicationsTest {

    @TempDir
    static Path tmp;
    private static DemoReplica demo;
    private static SessionFactory sessions;
    private static DrugApplications applications;
    private static StaffSession clerk;
    private static StaffSession supervisor;
    private static StaffSession both;
    private static List<InsuredPerson> insured;
    private static int next;
    private static final LocalDate START = LocalDate.now().plusDays(7);

    @BeforeAll
    static void replica() {
        demo = DemoReplica.generate(tmp, 120, Clock.systemDefaultZone());
        sessions = demo.replica().sessions();
        StaffAuthenticator auth = new StaffAuthenticator(sessions, new PasswordHasher(), demo.audit(), Clock.systemDefaultZone(),
                LoginPolicy.standard());
        applications = new DrugApplications(sessions, auth, new Outbox(sessions, Clock.systemDefaultZone(), TimeOrderedIds.system()),
                demo.audit(), Clock.systemDefaultZone(), TimeOrderedIds.system(), () -> { });
        clerk = loginTo(auth, "chenjing");
        supervisor = loginTo(auth, "zhaomin");
        both = loginTo(auth, "sunli");
        insured = sessions.fromTransaction(s -> s.createSelectionQuery("from InsuredPerson p where exists (select 1 from"
                + " InsuranceParticipation i where i.personId = p.id and i.insuranceType = :m and i.status = :a)"
                + " order by p.citizenIdNumber", InsuredPerson.class).setParameter("m", InsuranceType.MEDICAL)
                .setParameter("a", ParticipationStatus.ACTIVE).getResultList());
    }

    @AfterAll
    static void close() throws Exception {
        demo.close();
    }

    static StaffSession loginTo(StaffAuthenticator auth, String username) {
        return ((LoginOutcome.Success) auth.login(username, password(username))).session();
    }

    static char[] password(String username) {
        return DemoDataGenerator.demoStaff(DemoMode.SEED).stream().filter(s -> s.username().equals(username)).findFirst()
                .orElseThrow().demoPassword().toCharArray();
    }

    private static synchronized InsuredPerson nextPerson() {
        return insured.get(next++);
    }

    static SpecialDrug drug(String code) {
        return sessions.fromTransaction(s -> s.createSelectionQuery("from SpecialDrug where drugCode = :c", SpecialDrug.class)
                .setParameter("c", code).getSingleResult());
    }

    private static RegistrationRequest request(InsuredPerson p, SpecialDrug d, String diagnosis, String justification) {
        return new RegistrationRequest(p.getId(), d.getId(), diagnosis, "浙江大学医学院附属第一医院", "张医生", START,
                START.plusMonths(6), justification, true, true, false);
    }

    private static Decision.Approve approve(SpecialDrugApplication a) {
        return new Decision.Approve(a.getId(), START, START.plusMonths(6), new BigDecimal("10000"));
    }

    @Test
    void aValidApplicationIsRegisteredQueuedAndAudited() {
        InsuredPerson p = nextPerson();
        SpecialDrugApplication a = applications.register(clerk, request(p, drug("TY-XD-008"), "m05.9", null));
        assertThat(a.getStatus()).isEqualTo(ApplicationStatus.REGISTERED);
        assertThat(a.getDiagnosisCode()).isEqualTo("M05.9");
        assertThat(a.isTestReportsReceived()).isFalse();
        OutboxCommand command = sessions.fromTransaction(s -> s.createSelectionQuery("from OutboxCommand where subjectId = :id",
                OutboxCommand.class).setParameter("id", a.getId()).getSingleResult());
        assertThat(command.getCommandType()).isEqualTo(CommandType.DRUG_APPLICATION_REGISTERED);
        assertThat(applications.applicationsOf(p.getId())).extracting(l -> l.application().getId()).contains(a.getId());
        assertThat(applications.worklist(supervisor, 0)).extracting(w -> w.application().getId()).contains(a.getId());
        assertThatThrownBy(() -> applications.worklist(clerk, 0)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void medicalInsuranceMustBeInForce() {
        InsuredPerson p = nextPerson();
        sessions.inTransaction(s -> s.createMutationQuery("update InsuranceParticipation set status = :s where personId = :p"
                + " and insuranceType = :m").setParameter("s", ParticipationStatus.SUSPENDED).setParameter("p", p.getId())
                .setParameter("m", InsuranceType.MEDICAL).executeUpdate());
        assertThatThrownBy(() -> applications.register(clerk, request(p, drug("TY-XD-008"), "M05.9", null)))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "drug.error.noMedicalInsurance");
    }

    @Test
    void aDiagnosisOutsideTheIndicationsNeedsAJustification() {
        InsuredPerson p = nextPerson();
        assertThatThrownBy(() -> applications.register(clerk, request(p, drug("TY-XD-008"), "J45.0", " ")))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "drug.error.notIndicated");
        SpecialDrugApplication a = applications.register(clerk, request(p, drug("TY-XD-008"), "J45.0", "医院专家会诊意见"));
        assertThat(a.getIndicationJustification()).isEqualTo("医院专家会诊意见");
        assertThatThrownBy(() -> applications.register(clerk, request(p, drug("TY-XD-008"), "bad", null)))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "drug.error.diagnosisCode");
    }

    @Test
    void anOverlappingApprovalOfTheSameDrugIsRefused() {
        InsuredPerson p = nextPerson();
        SpecialDrugApplication first = applications.register(clerk, request(p, drug("TY-XD-010"), "M05.9", null));
        applications.decide(supervisor, password("zhaomin"), List.of(approve(first)));
        assertThatThrownBy(() -> applications.register(clerk, request(p, drug("TY-XD-010"), "M05.9", null)))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "drug.error.overlap");
    }

    @Test
    void aSecondOpenApplicationOfTheSameDrugOverTheSameMonthsIsRefusedUntilTheFirstIsWithdrawn() {
        InsuredPerson p = nextPerson();
        SpecialDrugApplication first = applications.register(clerk, request(p, drug("TY-XD-010"), "M05.9", null));
        assertThatThrownBy(() -> applications.register(clerk, request(p, drug("TY-XD-010"), "M05.9", null)))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "drug.error.overlapOpen");
        applications.withdraw(clerk, first.getId(), "登记有误");
        assertThat(applications.register(clerk, request(p, drug("TY-XD-010"), "M05.9", null)).getStatus())
                .isEqualTo(ApplicationStatus.REGISTERED);
    }

    @Test
    void aDrugThatNeedsASpecifiedDiseaseRegistrationIsRefusedWithoutOne() {
        InsuredPerson p = nextPerson();
        sessions.inTransaction(s -> s.createMutationQuery("update SpecifiedDiseaseRegistration set status = :c where personId = :p")
                .setParameter("c", RegistrationStatus.CANCELLED).setParameter("p", p.getId()).executeUpdate());
        assertThatThrownBy(() -> applications.register(clerk, request(p, drug("TY-XD-001"), "C34.9", null)))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "drug.error.noDiseaseRegistration");
        sessions.inTransaction(s -> {
            SpecifiedDiseaseRegistration r = new SpecifiedDiseaseRegistration(UUID.randomUUID());
            r.setPersonId(p.getId());
            r.setDiseaseCode("C34");
            r.setDiseaseName("肺恶性肿瘤");
            r.setHospitalName("浙江省肿瘤医院");
            r.setValidFrom(START.minusMonths(1));
            r.setValidTo(START.plusYears(1));
            r.setStatus(RegistrationStatus.ACTIVE);
            r.setRegisteredOn(START.minusMonths(1));
            s.persist(r);
        });
        assertThat(applications.register(clerk, request(p, drug("TY-XD-001"), "C34.9", null)).getStatus())
                .isEqualTo(ApplicationStatus.REGISTERED);
    }

    @Test
    void nobodyDecidesTheirOwnRegistrationAndADecisionNeedsThePasswordAgain() {
        InsuredPerson p = nextPerson();
        SpecialDrugApplication own = applications.register(both, request(p, drug("TY-XD-009"), "L40.0", null));
        assertThatThrownBy(() -> applications.decide(both, password("sunli"), List.of(approve(own))))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "drug.error.ownApplication");
        assertThatThrownBy(() -> applications.decide(supervisor, "wrong".toCharArray(), List.of(approve(own))))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "drug.error.password");
        assertThatThrownBy(() -> applications.decide(clerk, password("chenjing"), List.of(approve(own))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(status(own)).isEqualTo(ApplicationStatus.REGISTERED);
        applications.decide(supervisor, password("zhaomin"), List.of(approve(own)));
        assertThat(status(own)).isEqualTo(ApplicationStatus.APPROVED);
    }

    @Test
    void decisionsAreFinalExceptARevokeWithAReason() {
        InsuredPerson p = nextPerson();
        SpecialDrugApplication a = applications.register(clerk, request(p, drug("TY-XD-011"), "E78.0", null));
        SpecialDrugApplication b = applications.register(clerk, request(p, drug("TY-XD-012"), "L20.9", null));
        assertThatThrownBy(() -> applications.decide(supervisor, password("zhaomin"),
                List.of(new Decision.Approve(a.getId(), START, START.plusMonths(6), new BigDecimal("99999")))))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "drug.error.limit");
        assertThatThrownBy(() -> applications.decide(supervisor, password("zhaomin"),
                List.of(new Decision.Reject(b.getId(), RejectionReason.OTHER, ""))))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "drug.error.rejectionReason");
        // A batch: both decided with one password, in one transaction.
        applications.decide(supervisor, password("zhaomin"), List.of(
                new Decision.Approve(a.getId(), START, START.plusMonths(6), new BigDecimal("8000")),
                new Decision.Reject(b.getId(), RejectionReason.DOCUMENTS_INCOMPLETE, "缺检查报告")));
        assertThat(status(a)).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(status(b)).isEqualTo(ApplicationStatus.REJECTED);
        assertThatThrownBy(() -> applications.decide(supervisor, password("zhaomin"), List.of(approve(b))))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "drug.error.alreadyDecided");
        assertThatThrownBy(() -> applications.withdraw(clerk, a.getId(), "citizen asked"))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "drug.error.notPending");
        assertThatThrownBy(() -> applications.revoke(supervisor, password("zhaomin"), a.getId(), " "))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "drug.error.reasonRequired");
        assertThat(applications.worklist(supervisor, 0)).extracting(w -> w.application().getId()).doesNotContain(a.getId());
        assertThat(applications.worklist(supervisor, 0, true)).extracting(w -> w.application().getId()).contains(a.getId());
        applications.revoke(supervisor, password("zhaomin"), a.getId(), "医院通报处方有误");
        assertThat(status(a)).isEqualTo(ApplicationStatus.REVOKED);
    }

    @Test
    void aPendingApplicationCanBeWithdrawn() {
        InsuredPerson p = nextPerson();
        SpecialDrugApplication a = applications.register(clerk, request(p, drug("TY-XD-008"), "K50.1", null));
        applications.withdraw(clerk, a.getId(), "参保人改用其他治疗");
        assertThat(status(a)).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(applications.worklist(supervisor, 0)).extracting(w -> w.application().getId()).doesNotContain(a.getId());
    }

    private static ApplicationStatus status(SpecialDrugApplication a) {
        return sessions.fromTransaction(s -> s.find(SpecialDrugApplication.class, a.getId()).getStatus());
    }
}
