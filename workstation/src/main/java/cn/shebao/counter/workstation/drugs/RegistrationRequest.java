package cn.shebao.counter.workstation.drugs;

import java.time.LocalDate;
import java.util.UUID;

/** What the clerk enters to register an application; the attachments are ticked received or left missing. */
public record RegistrationRequest(UUID personId, UUID drugId, String diagnosisCode, String hospitalName,
        String prescribingDoctor, LocalDate plannedFrom, LocalDate plannedTo, String justification,
        boolean diagnosisCertificateReceived, boolean prescriptionReceived, boolean testReportsReceived) {
}
