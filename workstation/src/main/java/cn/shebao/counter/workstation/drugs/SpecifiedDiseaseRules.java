package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.citizen.RegistrationStatus;
import cn.shebao.counter.workstation.citizen.SpecifiedDiseaseRegistration;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import org.hibernate.Session;

/**
 * The rules a specified-disease registration (门诊特殊病种登记) must pass. Like the drug rules, the window runs them
 * so the clerk hears at once, and central runs them again as the authority (two windows registering the same
 * disease for one citizen offline each pass against their own replica).
 */
public final class SpecifiedDiseaseRules {

    /** How long a registration is valid: two years, then the citizen is assessed again. */
    public static final int VALID_YEARS = 2;

    private SpecifiedDiseaseRules() {
    }

    /** Every rule in order; the first one broken is thrown, its key naming it. */
    public static void check(Session s, SpecifiedDiseaseRegistration r) {
        String code = r.getDiseaseCode();
        if (code == null || !code.matches("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?")) {
            throw new LocalizedException("drug.error.diagnosisCode");
        }
        if (blank(r.getDiseaseName()) || r.getDiseaseName().length() > 60) {
            throw new LocalizedException("disease.error.name");
        }
        if (blank(r.getHospitalName()) || r.getHospitalName().length() > 100) {
            throw new LocalizedException("disease.error.hospital");
        }
        if (r.getValidFrom() == null || r.getValidTo() == null || r.getValidTo().isBefore(r.getValidFrom())) {
            throw new LocalizedException("drug.error.period");
        }
        if (r.getPersonId() == null || s.find(InsuredPerson.class, r.getPersonId()) == null) {
            throw new LocalizedException("drug.error.unknownPerson");
        }
        RegistrationRules.requireMedicalInsurance(s, r.getPersonId());
        // One registration per disease category at a time: a second would double the outpatient quota.
        Long overlapping = s.createSelectionQuery("select count(*) from SpecifiedDiseaseRegistration where personId = :p"
                + " and id <> :self and status = :a and substring(diseaseCode, 1, 3) = :category"
                + " and validFrom <= :to and validTo >= :from", Long.class)
                .setParameter("p", r.getPersonId()).setParameter("self", r.getId()).setParameter("a", RegistrationStatus.ACTIVE)
                .setParameter("category", code.substring(0, 3)).setParameter("from", r.getValidFrom())
                .setParameter("to", r.getValidTo()).getSingleResult();
        if (overlapping > 0) {
            throw new LocalizedException("disease.error.overlap", code.substring(0, 3));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
