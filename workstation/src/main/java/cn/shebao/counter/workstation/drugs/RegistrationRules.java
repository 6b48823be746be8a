package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.workstation.citizen.InsuranceType;
import cn.shebao.counter.workstation.citizen.ParticipationStatus;
import cn.shebao.counter.workstation.citizen.RegistrationStatus;
import cn.shebao.counter.workstation.citizen.SpecifiedDiseaseRegistration;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The rules a special-drug registration must pass, one object per rule. The window's service runs them so the
 * clerk hears at once; central's handler runs the same objects again and is the authority, because two windows
 * working offline each pass them against their own replica (two overlapping registrations of one drug for one
 * citizen) and only central sees both. A broken rule throws a {@link LocalizedException} whose key names it.
 */
public final class RegistrationRules {

    /** One rule; {@code drug} is the catalogue entry the candidate names, or null when there is none. */
    interface Rule {
        void check(Session s, SpecialDrugApplication candidate, SpecialDrug drug);
    }

    private static final List<Rule> ALL = List.of(new WellFormed(), new DrugInCatalogue(), new MedicalInsuranceInForce(),
            new IndicatedOrJustified(), new NoOverlappingApplication(), new DiseaseRegistered());

    private RegistrationRules() {
    }

    /** Runs every rule in order (the clerk hears the first one broken); returns the drug the application names. */
    public static SpecialDrug check(Session s, SpecialDrugApplication candidate) {
        SpecialDrug drug = candidate.getDrugId() == null ? null : s.find(SpecialDrug.class, candidate.getDrugId());
        for (Rule rule : ALL) {
            rule.check(s, candidate, drug);
        }
        return drug;
    }

    /** The diagnosis is an ICD-10 code, hospital and doctor are named, and the period ends on or after it starts. */
    static final class WellFormed implements Rule {
        @Override
        public void check(Session s, SpecialDrugApplication a, SpecialDrug drug) {
            String diagnosis = a.getDiagnosisCode();
            if (diagnosis == null || !diagnosis.matches("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?")) {
                throw new LocalizedException("drug.error.diagnosisCode");
            }
            if (blank(a.getHospitalName()) || blank(a.getPrescribingDoctor())) {
                throw new LocalizedException("drug.error.hospitalAndDoctor");
            }
            if (a.getPlannedFrom() == null || a.getPlannedTo() == null || a.getPlannedTo().isBefore(a.getPlannedFrom())) {
                throw new LocalizedException("drug.error.period");
            }
            if (a.getPersonId() == null) {
                throw new LocalizedException("drug.error.unknownPerson");
            }
        }
    }

    /** The drug is in the catalogue and still in use. */
    static final class DrugInCatalogue implements Rule {
        @Override
        public void check(Session s, SpecialDrugApplication a, SpecialDrug drug) {
            if (drug == null || !drug.isActive()) {
                throw new LocalizedException("drug.error.unknownDrug");
            }
        }
    }

    /** The citizen's basic medical insurance is in force. */
    static final class MedicalInsuranceInForce implements Rule {
        @Override
        public void check(Session s, SpecialDrugApplication a, SpecialDrug drug) {
            requireMedicalInsurance(s, a.getPersonId());
        }
    }

    /** The citizen's basic medical insurance is in force (a drug application and a specified-disease registration). */
    static void requireMedicalInsurance(Session s, UUID personId) {
        Long active = s.createSelectionQuery("select count(*) from InsuranceParticipation where personId = :p"
                + " and insuranceType = :t and status = :a", Long.class).setParameter("p", personId)
                .setParameter("t", InsuranceType.MEDICAL).setParameter("a", ParticipationStatus.ACTIVE).getSingleResult();
        if (active == 0) {
            throw new LocalizedException("drug.error.noMedicalInsurance");
        }
    }

    /** The drug is indicated for the diagnosis, or the clerk wrote down why it is prescribed anyway. */
    static final class IndicatedOrJustified implements Rule {
        @Override
        public void check(Session s, SpecialDrugApplication a, SpecialDrug drug) {
            if (!drug.indicates(a.getDiagnosisCode()) && blank(a.getIndicationJustification())) {
                throw new LocalizedException("drug.error.notIndicated", a.getDiagnosisCode(), drug.getIndicationCodes());
            }
        }
    }

    /**
     * No other application of the same drug for the same citizen overlaps: an approval in force over its approved
     * period, and one still open (registered or disputed) over its planned period, since approving both would give
     * the citizen the drug twice over.
     */
    static final class NoOverlappingApplication implements Rule {
        @Override
        public void check(Session s, SpecialDrugApplication a, SpecialDrug drug) {
            if (overlapping(s, a, a.getPlannedFrom(), a.getPlannedTo(), true)) {
                throw new LocalizedException("drug.error.overlap", drug.getName());
            }
            if (overlapping(s, a, a.getPlannedFrom(), a.getPlannedTo(), false)) {
                throw new LocalizedException("drug.error.overlapOpen", drug.getName());
            }
        }

        /** Also the rule for an approval: no other approval in force may overlap the approved period. */
        static boolean overlapping(Session s, SpecialDrugApplication a, LocalDate from, LocalDate to, boolean approved) {
            String period = approved ? "approvedFrom <= :to and approvedTo >= :from" : "plannedFrom <= :to and plannedTo >= :from";
            return s.createSelectionQuery("select count(*) from SpecialDrugApplication where personId = :p and drugId = :d"
                    + " and id <> :self and status in (:statuses) and " + period, Long.class)
                    .setParameter("p", a.getPersonId()).setParameter("d", a.getDrugId()).setParameter("self", a.getId())
                    .setParameterList("statuses", approved ? List.of(ApplicationStatus.APPROVED)
                            : List.of(ApplicationStatus.REGISTERED, ApplicationStatus.DISPUTED))
                    .setParameter("from", from).setParameter("to", to).getSingleResult() > 0;
        }
    }

    /** A drug that needs it: a specified-disease registration of the diagnosis' category active on the first day. */
    static final class DiseaseRegistered implements Rule {
        @Override
        public void check(Session s, SpecialDrugApplication a, SpecialDrug drug) {
            if (!drug.isRequiresDiseaseRegistration()) {
                return;
            }
            String category = a.getDiagnosisCode().substring(0, 3);
            List<SpecifiedDiseaseRegistration> registrations = s.createSelectionQuery(
                    "from SpecifiedDiseaseRegistration where personId = :p and status = :a and validFrom <= :d and validTo >= :d",
                    SpecifiedDiseaseRegistration.class).setParameter("p", a.getPersonId()).setParameter("a", RegistrationStatus.ACTIVE)
                    .setParameter("d", a.getPlannedFrom()).getResultList();
            if (registrations.stream().noneMatch(r -> r.getDiseaseCode().startsWith(category))) {
                throw new LocalizedException("drug.error.noDiseaseRegistration", category);
            }
        }
    }

    /** The approval rule central and the window share: an approval must not overlap another approval in force. */
    public static void requireNoOverlappingApproval(Session s, SpecialDrugApplication a, LocalDate from, LocalDate to, SpecialDrug drug) {
        if (NoOverlappingApplication.overlapping(s, a, from, to, true)) {
            throw new LocalizedException("drug.error.overlap", drug.getName());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
