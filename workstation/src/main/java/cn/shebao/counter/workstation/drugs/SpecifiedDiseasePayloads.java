package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.workstation.citizen.RegistrationStatus;
import cn.shebao.counter.workstation.citizen.SpecifiedDiseaseRegistration;
import cn.shebao.counter.workstation.wire.Payloads;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Payloads of the specified-disease commands, version 1. */
final class SpecifiedDiseasePayloads {

    private SpecifiedDiseasePayloads() {
    }

    static String registered(SpecifiedDiseaseRegistration r, UUID by) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("registrationId", r.getId().toString());
        m.put("personId", r.getPersonId().toString());
        m.put("diseaseCode", r.getDiseaseCode());
        m.put("diseaseName", r.getDiseaseName());
        m.put("hospitalName", r.getHospitalName());
        m.put("validFrom", r.getValidFrom().toString());
        m.put("validTo", r.getValidTo().toString());
        m.put("registeredOn", r.getRegisteredOn().toString());
        m.put("by", by.toString());
        return Payloads.write(m);
    }

    static SpecifiedDiseaseRegistration registration(Map<String, Object> m) {
        SpecifiedDiseaseRegistration r = new SpecifiedDiseaseRegistration(Payloads.uuid(m, "registrationId"));
        r.setPersonId(Payloads.uuid(m, "personId"));
        r.setDiseaseCode(Payloads.string(m, "diseaseCode"));
        r.setDiseaseName(Payloads.string(m, "diseaseName"));
        r.setHospitalName(Payloads.string(m, "hospitalName"));
        r.setValidFrom(DrugPayloads.date(m, "validFrom"));
        r.setValidTo(DrugPayloads.date(m, "validTo"));
        r.setRegisteredOn(DrugPayloads.date(m, "registeredOn"));
        r.setStatus(RegistrationStatus.ACTIVE);
        return r;
    }

    static String ended(SpecifiedDiseaseRegistration r, UUID by, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("registrationId", r.getId().toString());
        m.put("personId", r.getPersonId().toString());
        m.put("lastDay", r.getValidTo().toString());
        m.put("by", by.toString());
        m.put("reason", reason);
        return Payloads.write(m);
    }

    static LocalDate lastDay(Map<String, Object> m) {
        return DrugPayloads.date(m, "lastDay");
    }
}
