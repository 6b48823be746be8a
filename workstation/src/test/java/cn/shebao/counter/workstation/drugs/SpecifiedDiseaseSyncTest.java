package cn.shebao.counter.workstation.drugs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.citizen.InsuranceType;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.citizen.ParticipationStatus;
import cn.shebao.counter.workstation.citizen.RegistrationStatus;
import cn.shebao.counter.workstation.citizen.SpecifiedDiseaseRegistration;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.SyncConflict;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.CentralPlusWindows;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.SyncedWindow;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: a specified-disease registration made at the window satisfies the drug rule that asked for it, and central,
 * over the real mutual-TLS service and PostgreSQL, checks it again: the same disease registered for one citizen at two
 * windows offline is refused the second time (a conflict, the window's row removed), a registration central's rules
 * refuse never stands, and an end reaches every window.
 */
class SpecifiedDiseaseSyncTest {

    private static final String DIAGNOSIS = "C34.9";

    @TempDir
    Path tmp;

    /** A window's feature services over the shared fixture's window. */
    private record Window(SyncedWindow at, SpecifiedDiseases diseases, DrugApplications applications, StaffSession clerk) {

        static Window open(CentralPlusWindows centre, String code) throws Exception {
            SyncedWindow w = centre.window(code);
            return new Window(w, new SpecifiedDiseases(w.sessions(), w.outbox(), w.audit(), w.clock(), TimeOrderedIds.system(), () -> { }),
                    new DrugApplications(w.sessions(), w.auth(), w.outbox(), w.audit(), w.clock(), TimeOrderedIds.system(), () -> { }),
                    w.login("chenjing"));
        }

        void sync() throws Exception {
            at.sync();
        }

        SpecifiedDiseaseRegistration find(UUID id) {
            return at.find(SpecifiedDiseaseRegistration.class, id);
        }
    }

    @Test
    void aRegistrationSatisfiesTheDrugRuleAndCentralRefusesTheSecondOfTwoOfflineRegistrations() throws Exception {
        try (CentralPlusWindows centre = CentralPlusWindows.overService(tmp, new DemoDataGenerator.Settings(2026, 40, DemoReplica.AS_OF, 12, 40))) {
            SessionFactory central = centre.central();
            List<InsuredPerson> insured = central.fromTransaction(s -> s.createSelectionQuery("from InsuredPerson p where exists (select 1 from"
                    + " InsuranceParticipation i where i.personId = p.id and i.insuranceType = :m and i.status = :a)"
                    + " and not exists (select 1 from SpecifiedDiseaseRegistration r where r.personId = p.id and r.diseaseCode like 'C34%')"
                    + " order by p.citizenIdNumber", InsuredPerson.class).setParameter("m", InsuranceType.MEDICAL)
                    .setParameter("a", ParticipationStatus.ACTIVE).getResultList());
            List<InsuredPerson> uninsured = central.fromTransaction(s -> s.createSelectionQuery("from InsuredPerson p where not exists"
                    + " (select 1 from InsuranceParticipation i where i.personId = p.id and i.insuranceType = :m and i.status = :a)",
                    InsuredPerson.class).setParameter("m", InsuranceType.MEDICAL).setParameter("a", ParticipationStatus.ACTIVE)
                    .getResultList());
            assertThat(insured).hasSizeGreaterThanOrEqualTo(1);

            Window a = Window.open(centre, "WIN-A");
            Window b = Window.open(centre, "WIN-B");
            InsuredPerson p = insured.get(0);
            LocalDate start = LocalDate.now().plusDays(3);
            SpecialDrug osimertinib = a.at().sessions().fromTransaction(s -> s.createSelectionQuery(
                    "from SpecialDrug where drugCode = 'TY-XD-001'", SpecialDrug.class).getSingleResult());
            RegistrationRequest drugRequest = new RegistrationRequest(p.getId(), osimertinib.getId(), DIAGNOSIS, "浙江省肿瘤医院",
                    "王医生", start, start.plusMonths(6), null, true, true, true);
            // Before: the drug needs the registration, and says so.
            assertThatThrownBy(() -> a.applications().register(a.clerk(), drugRequest)).isInstanceOf(LocalizedException.class)
                    .extracting(e -> ((LocalizedException) e).key()).isEqualTo("drug.error.noDiseaseRegistration");

            // Both windows register the disease while offline; A's reaches central first.
            SpecifiedDiseaseRegistration atA = a.diseases().register(a.clerk(), new SpecifiedDiseases.Request(p.getId(), "c34.9 ",
                    "肺恶性肿瘤", "浙江省肿瘤医院", LocalDate.now()));
            assertThat(atA.getDiseaseCode()).isEqualTo(DIAGNOSIS);
            assertThat(atA.getValidTo()).isEqualTo(LocalDate.now().plusYears(2).minusDays(1));
            SpecifiedDiseaseRegistration atB = b.diseases().register(b.clerk(), new SpecifiedDiseases.Request(p.getId(), "C34.1",
                    "肺上叶恶性肿瘤", "浙江大学医学院附属第一医院", LocalDate.now()));
            // The window's own rule: a second of the same category at A is refused at once.
            assertThatThrownBy(() -> a.diseases().register(a.clerk(), new SpecifiedDiseases.Request(p.getId(), "C34.2",
                    "肺中叶恶性肿瘤", "浙江省肿瘤医院", LocalDate.now()))).isInstanceOf(LocalizedException.class)
                    .extracting(e -> ((LocalizedException) e).key()).isEqualTo("disease.error.overlap");

            a.sync();
            b.sync();
            a.sync();
            SpecifiedDiseaseRegistration atCentral = central.fromTransaction(s -> s.find(SpecifiedDiseaseRegistration.class, atA.getId()));
            assertThat(atCentral.getStatus()).isEqualTo(RegistrationStatus.ACTIVE);
            assertThat(atCentral(central, atB.getId()))
                    .as("B's registration refused at central").isNull();
            assertThat(b.find(atB.getId())).as("and gone from B after the pull").isNull();
            assertThat(b.find(atA.getId())).as("A's reached B").isNotNull();
            List<SyncConflict> conflicts = central.fromTransaction(s -> s.createSelectionQuery(
                    "from SyncConflict where nodeCode = 'WIN-B' and commandType = :t", SyncConflict.class)
                    .setParameter("t", CommandType.SPECIFIED_DISEASE_REGISTERED.name()).getResultList());
            assertThat(conflicts).extracting(SyncConflict::getConflictKind, SyncConflict::getDetail)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("DISEASE_REGISTRATION_REFUSED", "disease.error.overlap"));

            // After: the drug application passes the rule at the window and at central.
            SpecialDrugApplication application = a.applications().register(a.clerk(), drugRequest);
            a.sync();
            SpecialDrugApplication applied = central.fromTransaction(s -> s.find(SpecialDrugApplication.class, application.getId()));
            assertThat(applied).isNotNull();

            // A registration central's rules refuse never stands, even when the window's own check was skipped.
            if (!uninsured.isEmpty()) {
                UUID forged = queueUnchecked(a, uninsured.get(0).getId());
                a.sync();
                assertThat(atCentral(central, forged)).isNull();
                assertThat(a.find(forged)).isNull();
            }

            // The end reaches central and the other window.
            a.diseases().end(a.clerk(), atA.getId(), LocalDate.now(), "患者转外地治疗");
            assertThatThrownBy(() -> a.diseases().end(a.clerk(), atA.getId(), LocalDate.now(), "again"))
                    .isInstanceOf(LocalizedException.class);
            a.sync();
            b.sync();
            SpecifiedDiseaseRegistration ended = central.fromTransaction(s -> s.find(SpecifiedDiseaseRegistration.class, atA.getId()));
            assertThat(ended.getStatus()).isEqualTo(RegistrationStatus.CANCELLED);
            assertThat(ended.getValidTo()).isEqualTo(LocalDate.now());
            assertThat(b.find(atA.getId()).getStatus()).isEqualTo(RegistrationStatus.CANCELLED);
        }
    }

    private static SpecifiedDiseaseRegistration atCentral(SessionFactory central, UUID id) {
        return central.fromTransaction(s -> s.find(SpecifiedDiseaseRegistration.class, id));
    }

    /** Queues a registration for someone without medical insurance, as a tampered window would: no rule checked here. */
    private static UUID queueUnchecked(Window w, UUID personId) {
        UUID id = UUID.randomUUID();
        w.at().sessions().inTransaction(s -> {
            SpecifiedDiseaseRegistration r = new SpecifiedDiseaseRegistration(id);
            r.setPersonId(personId);
            r.setDiseaseCode("N18.5");
            r.setDiseaseName("慢性肾脏病5期");
            r.setHospitalName("浙江省人民医院");
            r.setValidFrom(LocalDate.now());
            r.setValidTo(LocalDate.now().plusYears(2));
            r.setStatus(RegistrationStatus.ACTIVE);
            r.setRegisteredOn(LocalDate.now());
            s.persist(r);
            s.flush();
            w.at().outbox().append(s, CommandType.SPECIFIED_DISEASE_REGISTERED, SpecifiedDiseasePayloads.registered(r, w.clerk().userId()),
                    "specified_disease_registration", id, w.clerk().userId(), w.clerk().username());
        });
        return id;
    }
}
