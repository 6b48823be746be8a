package cn.shebao.counter.workstation.citizen;

import cn.shebao.counter.workstation.store.DomainEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A settled medical bill: what it cost, what the fund paid, what the person paid. */
@Entity
@Table(name = "medical_reimbursement")
public class MedicalReimbursement extends DomainEntity {

    private UUID personId;
    private String settlementNumber;
    private String hospitalName;
    @Enumerated(EnumType.STRING)
    private VisitType visitType;
    private LocalDate admittedOn;
    private LocalDate dischargedOn;
    private String diagnosisCode;
    private BigDecimal totalCost;
    private BigDecimal fundPaid;
    private BigDecimal personalPaid;
    private LocalDate settledOn;

    protected MedicalReimbursement() {
        // for Hibernate
    }

    public MedicalReimbursement(UUID id) {
        super(id);
    }

    public UUID getPersonId() {
        return personId;
    }

    public void setPersonId(UUID personId) {
        this.personId = personId;
    }

    public String getSettlementNumber() {
        return settlementNumber;
    }

    public void setSettlementNumber(String settlementNumber) {
        this.settlementNumber = settlementNumber;
    }

    public String getHospitalName() {
        return hospitalName;
    }

    public void setHospitalName(String hospitalName) {
        this.hospitalName = hospitalName;
    }

    public VisitType getVisitType() {
        return visitType;
    }

    public void setVisitType(VisitType visitType) {
        this.visitType = visitType;
    }

    public LocalDate getAdmittedOn() {
        return admittedOn;
    }

    public void setAdmittedOn(LocalDate admittedOn) {
        this.admittedOn = admittedOn;
    }

    public LocalDate getDischargedOn() {
        return dischargedOn;
    }

    public void setDischargedOn(LocalDate dischargedOn) {
        this.dischargedOn = dischargedOn;
    }

    public String getDiagnosisCode() {
        return diagnosisCode;
    }

    public void setDiagnosisCode(String diagnosisCode) {
        this.diagnosisCode = diagnosisCode;
    }

    public BigDecimal getTotalCost() {
        return totalCost;
    }

    public void setTotalCost(BigDecimal totalCost) {
        this.totalCost = totalCost;
    }

    public BigDecimal getFundPaid() {
        return fundPaid;
    }

    public void setFundPaid(BigDecimal fundPaid) {
        this.fundPaid = fundPaid;
    }

    public BigDecimal getPersonalPaid() {
        return personalPaid;
    }

    public void setPersonalPaid(BigDecimal personalPaid) {
        this.personalPaid = personalPaid;
    }

    public LocalDate getSettledOn() {
        return settledOn;
    }

    public void setSettledOn(LocalDate settledOn) {
        this.settledOn = settledOn;
    }
}
