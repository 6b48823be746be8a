package cn.shebao.counter.workstation.citizen;

import cn.shebao.counter.workstation.store.DomainEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A work-injury case from application through recognition, disability assessment and payment. */
@Entity
@Table(name = "work_injury_claim")
public class WorkInjuryClaim extends DomainEntity {

    private UUID personId;
    private UUID employerId;
    private LocalDate injuredOn;
    private LocalDate recognisedOn;
    private String description;
    private Integer disabilityGrade;
    @Enumerated(EnumType.STRING)
    private WorkInjuryStatus status;
    private BigDecimal lumpSumAmount;
    private BigDecimal medicalAmount;

    protected WorkInjuryClaim() {
        // for Hibernate
    }

    public WorkInjuryClaim(UUID id) {
        super(id);
    }

    public UUID getPersonId() {
        return personId;
    }

    public void setPersonId(UUID personId) {
        this.personId = personId;
    }

    public UUID getEmployerId() {
        return employerId;
    }

    public void setEmployerId(UUID employerId) {
        this.employerId = employerId;
    }

    public LocalDate getInjuredOn() {
        return injuredOn;
    }

    public void setInjuredOn(LocalDate injuredOn) {
        this.injuredOn = injuredOn;
    }

    public LocalDate getRecognisedOn() {
        return recognisedOn;
    }

    public void setRecognisedOn(LocalDate recognisedOn) {
        this.recognisedOn = recognisedOn;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Integer getDisabilityGrade() {
        return disabilityGrade;
    }

    public void setDisabilityGrade(Integer disabilityGrade) {
        this.disabilityGrade = disabilityGrade;
    }

    public WorkInjuryStatus getStatus() {
        return status;
    }

    public void setStatus(WorkInjuryStatus status) {
        this.status = status;
    }

    public BigDecimal getLumpSumAmount() {
        return lumpSumAmount;
    }

    public void setLumpSumAmount(BigDecimal lumpSumAmount) {
        this.lumpSumAmount = lumpSumAmount;
    }

    public BigDecimal getMedicalAmount() {
        return medicalAmount;
    }

    public void setMedicalAmount(BigDecimal medicalAmount) {
        this.medicalAmount = medicalAmount;
    }
}
