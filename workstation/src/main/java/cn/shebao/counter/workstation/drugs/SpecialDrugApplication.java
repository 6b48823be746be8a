package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.workstation.store.DomainEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An application registered by a clerk and decided by someone else (four eyes). */
@Entity
@Table(name = "special_drug_application")
public class SpecialDrugApplication extends DomainEntity {

    private UUID personId;
    private UUID drugId;
    private String diagnosisCode;
    private String hospitalName;
    private String prescribingDoctor;
    private LocalDate plannedFrom;
    private LocalDate plannedTo;
    private String indicationJustification;
    private boolean diagnosisCertificateReceived;
    private boolean prescriptionReceived;
    private boolean testReportsReceived;
    @Enumerated(EnumType.STRING)
    private ApplicationStatus status;
    private UUID registeredBy;
    private Instant registeredAt;
    private UUID decidedBy;
    private Instant decidedAt;
    private String decisionReason;
    private LocalDate approvedFrom;
    private LocalDate approvedTo;
    private BigDecimal approvedLimit;
    private UUID concurredBy;
    private String rejectionCode;

    protected SpecialDrugApplication() {
        // for Hibernate
    }

    public SpecialDrugApplication(UUID id) {
        super(id);
    }

    public UUID getPersonId() {
        return personId;
    }

    public void setPersonId(UUID personId) {
        this.personId = personId;
    }

    public UUID getDrugId() {
        return drugId;
    }

    public void setDrugId(UUID drugId) {
        this.drugId = drugId;
    }

    public String getDiagnosisCode() {
        return diagnosisCode;
    }

    public void setDiagnosisCode(String diagnosisCode) {
        this.diagnosisCode = diagnosisCode;
    }

    public String getHospitalName() {
        return hospitalName;
    }

    public void setHospitalName(String hospitalName) {
        this.hospitalName = hospitalName;
    }

    public String getPrescribingDoctor() {
        return prescribingDoctor;
    }

    public void setPrescribingDoctor(String prescribingDoctor) {
        this.prescribingDoctor = prescribingDoctor;
    }

    public LocalDate getPlannedFrom() {
        return plannedFrom;
    }

    public void setPlannedFrom(LocalDate plannedFrom) {
        this.plannedFrom = plannedFrom;
    }

    public LocalDate getPlannedTo() {
        return plannedTo;
    }

    public void setPlannedTo(LocalDate plannedTo) {
        this.plannedTo = plannedTo;
    }

    public String getIndicationJustification() {
        return indicationJustification;
    }

    public void setIndicationJustification(String indicationJustification) {
        this.indicationJustification = indicationJustification;
    }

    public boolean isDiagnosisCertificateReceived() {
        return diagnosisCertificateReceived;
    }

    public void setDiagnosisCertificateReceived(boolean diagnosisCertificateReceived) {
        this.diagnosisCertificateReceived = diagnosisCertificateReceived;
    }

    public boolean isPrescriptionReceived() {
        return prescriptionReceived;
    }

    public void setPrescriptionReceived(boolean prescriptionReceived) {
        this.prescriptionReceived = prescriptionReceived;
    }

    public boolean isTestReportsReceived() {
        return testReportsReceived;
    }

    public void setTestReportsReceived(boolean testReportsReceived) {
        this.testReportsReceived = testReportsReceived;
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public void setStatus(ApplicationStatus status) {
        this.status = status;
    }

    public UUID getRegisteredBy() {
        return registeredBy;
    }

    public void setRegisteredBy(UUID registeredBy) {
        this.registeredBy = registeredBy;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public void setRegisteredAt(Instant registeredAt) {
        this.registeredAt = registeredAt;
    }

    public UUID getDecidedBy() {
        return decidedBy;
    }

    public void setDecidedBy(UUID decidedBy) {
        this.decidedBy = decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public void setDecidedAt(Instant decidedAt) {
        this.decidedAt = decidedAt;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public void setDecisionReason(String decisionReason) {
        this.decisionReason = decisionReason;
    }

    public LocalDate getApprovedFrom() {
        return approvedFrom;
    }

    public void setApprovedFrom(LocalDate approvedFrom) {
        this.approvedFrom = approvedFrom;
    }

    public LocalDate getApprovedTo() {
        return approvedTo;
    }

    public void setApprovedTo(LocalDate approvedTo) {
        this.approvedTo = approvedTo;
    }

    public BigDecimal getApprovedLimit() {
        return approvedLimit;
    }

    public void setApprovedLimit(BigDecimal approvedLimit) {
        this.approvedLimit = approvedLimit;
    }

    public UUID getConcurredBy() {
        return concurredBy;
    }

    public void setConcurredBy(UUID concurredBy) {
        this.concurredBy = concurredBy;
    }

    public String getRejectionCode() {
        return rejectionCode;
    }

    public void setRejectionCode(String rejectionCode) {
        this.rejectionCode = rejectionCode;
    }
}
