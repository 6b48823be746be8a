package cn.shebao.counter.workstation.citizen;

import cn.shebao.counter.workstation.store.DomainEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Maternity allowance and childbirth medical costs for one birth. */
@Entity
@Table(name = "maternity_benefit")
public class MaternityBenefit extends DomainEntity {

    private UUID personId;
    private UUID employerId;
    private LocalDate childbirthOn;
    @Enumerated(EnumType.STRING)
    private DeliveryType deliveryType;
    private int leaveDays;
    private BigDecimal allowanceAmount;
    private BigDecimal medicalAmount;
    @Enumerated(EnumType.STRING)
    private BenefitStatus status;
    private LocalDate paidOn;

    protected MaternityBenefit() {
        // for Hibernate
    }

    public MaternityBenefit(UUID id) {
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

    public LocalDate getChildbirthOn() {
        return childbirthOn;
    }

    public void setChildbirthOn(LocalDate childbirthOn) {
        this.childbirthOn = childbirthOn;
    }

    public DeliveryType getDeliveryType() {
        return deliveryType;
    }

    public void setDeliveryType(DeliveryType deliveryType) {
        this.deliveryType = deliveryType;
    }

    public int getLeaveDays() {
        return leaveDays;
    }

    public void setLeaveDays(int leaveDays) {
        this.leaveDays = leaveDays;
    }

    public BigDecimal getAllowanceAmount() {
        return allowanceAmount;
    }

    public void setAllowanceAmount(BigDecimal allowanceAmount) {
        this.allowanceAmount = allowanceAmount;
    }

    public BigDecimal getMedicalAmount() {
        return medicalAmount;
    }

    public void setMedicalAmount(BigDecimal medicalAmount) {
        this.medicalAmount = medicalAmount;
    }

    public BenefitStatus getStatus() {
        return status;
    }

    public void setStatus(BenefitStatus status) {
        this.status = status;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public void setPaidOn(LocalDate paidOn) {
        this.paidOn = paidOn;
    }
}
