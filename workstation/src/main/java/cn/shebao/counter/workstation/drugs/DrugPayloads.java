package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.workstation.wire.Payloads;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Payloads of the special-drug commands, version 1. */
final class DrugPayloads {

    private DrugPayloads() {
    }

    static String registered(SpecialDrugApplication a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applicationId", a.getId().toString());
        m.put("personId", a.getPersonId().toString());
        m.put("drugId", a.getDrugId().toString());
        m.put("diagnosisCode", a.getDiagnosisCode());
        m.put("hospitalName", a.getHospitalName());
        m.put("prescribingDoctor", a.getPrescribingDoctor());
        m.put("plannedFrom", a.getPlannedFrom().toString());
        m.put("plannedTo", a.getPlannedTo().toString());
        m.put("indicationJustification", a.getIndicationJustification());
        m.put("diagnosisCertificateReceived", a.isDiagnosisCertificateReceived());
        m.put("prescriptionReceived", a.isPrescriptionReceived());
        m.put("testReportsReceived", a.isTestReportsReceived());
        m.put("registeredBy", a.getRegisteredBy().toString());
        m.put("registeredAt", a.getRegisteredAt().toString());
        return Payloads.write(m);
    }

    static SpecialDrugApplication application(Map<String, Object> m) {
        SpecialDrugApplication a = new SpecialDrugApplication(Payloads.uuid(m, "applicationId"));
        a.setPersonId(Payloads.uuid(m, "personId"));
        a.setDrugId(Payloads.uuid(m, "drugId"));
        a.setDiagnosisCode(Payloads.string(m, "diagnosisCode"));
        a.setHospitalName(Payloads.string(m, "hospitalName"));
        a.setPrescribingDoctor(Payloads.string(m, "prescribingDoctor"));
        a.setPlannedFrom(LocalDate.parse(Payloads.string(m, "plannedFrom")));
        a.setPlannedTo(LocalDate.parse(Payloads.string(m, "plannedTo")));
        a.setIndicationJustification(Payloads.string(m, "indicationJustification"));
        a.setDiagnosisCertificateReceived(Boolean.TRUE.equals(m.get("diagnosisCertificateReceived")));
        a.setPrescriptionReceived(Boolean.TRUE.equals(m.get("prescriptionReceived")));
        a.setTestReportsReceived(Boolean.TRUE.equals(m.get("testReportsReceived")));
        a.setRegisteredBy(Payloads.uuid(m, "registeredBy"));
        a.setRegisteredAt(Payloads.instant(m, "registeredAt"));
        a.setStatus(ApplicationStatus.REGISTERED);
        return a;
    }

    static String decided(SpecialDrugApplication a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applicationId", a.getId().toString());
        m.put("personId", a.getPersonId().toString());
        m.put("decision", a.getStatus().name());
        m.put("decidedBy", a.getDecidedBy().toString());
        m.put("decidedAt", a.getDecidedAt().toString());
        m.put("decisionReason", a.getDecisionReason());
        m.put("rejectionCode", a.getRejectionCode());
        m.put("approvedFrom", Payloads.text(a.getApprovedFrom()));
        m.put("approvedTo", Payloads.text(a.getApprovedTo()));
        m.put("approvedLimit", a.getApprovedLimit() == null ? null : a.getApprovedLimit().toPlainString());
        return Payloads.write(m);
    }

    static String statusChange(SpecialDrugApplication a, String by, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applicationId", a.getId().toString());
        m.put("personId", a.getPersonId().toString());
        m.put("by", by);
        m.put("reason", reason);
        return Payloads.write(m);
    }

    static LocalDate date(Map<String, Object> m, String field) {
        String v = Payloads.string(m, field);
        return v == null ? null : LocalDate.parse(v);
    }

    static BigDecimal amount(Map<String, Object> m, String field) {
        String v = Payloads.string(m, field);
        return v == null ? null : new BigDecimal(v);
    }
}
