package cn.shebao.counter.workstation.citizen;

import cn.shebao.counter.workstation.store.DomainEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One insurance type for one person: status, first insured date and months credited before the monthly detail held here. */
@Entity
@Table(name = "insurance_participation")
public class InsuranceParticipation extends DomainEntity {

    private UUID personId;
    @Enumerated(EnumType.STRING)
    private InsuranceType insuranceType;
    @Enumerated(EnumType.STRING)
    private ParticipationStatus status;
    private LocalDate firstInsuredOn;
    private int priorMonths;
    private BigDecimal personalAccountBalance;

    protected InsuranceParticipation() {
        // for Hibernate
    }

    public InsuranceParticipation(UUID id) {
        super(id);
    }

    public UUID getPersonId() {
        return personId;
    }

    public void setPersonId(UUID personId) {
        this.personId = personId;
    }

    public InsuranceType getInsuranceType() {
        return insuranceType;
    }

    public void setInsuranceType(InsuranceType insuranceType) {
        this.insuranceType = insuranceType;
    }

    public ParticipationStatus getStatus() {
        return status;
    }

    public void setStatus(ParticipationStatus status) {
        this.status = status;
    }

    public LocalDate getFirstInsuredOn() {
        return firstInsuredOn;
    }

    public void setFirstInsuredOn(LocalDate firstInsuredOn) {
        this.firstInsuredOn = firstInsuredOn;
    }

    public int getPriorMonths() {
        return priorMonths;
    }

    public void setPriorMonths(int priorMonths) {
        this.priorMonths = priorMonths;
    }

    public BigDecimal getPersonalAccountBalance() {
        return personalAccountBalance;
    }

    public void setPersonalAccountBalance(BigDecimal personalAccountBalance) {
        this.personalAccountBalance = personalAccountBalance;
    }
}
