package cn.shebao.counter.workstation.citizen;

import cn.shebao.counter.workstation.store.DomainEntity;
import cn.shebao.counter.workstation.store.YearMonthConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * One month of one insurance type for one person: base, rates, amounts, paid or in arrears. Employer and region
 * show transfers. The same columns serve the months every replica holds ({@link Contribution}) and the older months
 * only central keeps ({@link ArchivedContribution}).
 */
@MappedSuperclass
public abstract class MonthlyContribution extends DomainEntity {

    private UUID personId;
    private UUID employerId;
    @Convert(converter = YearMonthConverter.class)
    private YearMonth contributionMonth;
    @Enumerated(EnumType.STRING)
    private InsuranceType insuranceType;
    private String regionCode;
    private BigDecimal base;
    private BigDecimal employerRate;
    private BigDecimal personalRate;
    private BigDecimal employerAmount;
    private BigDecimal personalAmount;
    @Enumerated(EnumType.STRING)
    private ContributionStatus status;
    private LocalDate paidOn;

    protected MonthlyContribution() {
        // for Hibernate
    }

    protected MonthlyContribution(UUID id) {
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

    public YearMonth getContributionMonth() {
        return contributionMonth;
    }

    public void setContributionMonth(YearMonth contributionMonth) {
        this.contributionMonth = contributionMonth;
    }

    public InsuranceType getInsuranceType() {
        return insuranceType;
    }

    public void setInsuranceType(InsuranceType insuranceType) {
        this.insuranceType = insuranceType;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public BigDecimal getBase() {
        return base;
    }

    public void setBase(BigDecimal base) {
        this.base = base;
    }

    public BigDecimal getEmployerRate() {
        return employerRate;
    }

    public void setEmployerRate(BigDecimal employerRate) {
        this.employerRate = employerRate;
    }

    public BigDecimal getPersonalRate() {
        return personalRate;
    }

    public void setPersonalRate(BigDecimal personalRate) {
        this.personalRate = personalRate;
    }

    public BigDecimal getEmployerAmount() {
        return employerAmount;
    }

    public void setEmployerAmount(BigDecimal employerAmount) {
        this.employerAmount = employerAmount;
    }

    public BigDecimal getPersonalAmount() {
        return personalAmount;
    }

    public void setPersonalAmount(BigDecimal personalAmount) {
        this.personalAmount = personalAmount;
    }

    public ContributionStatus getStatus() {
        return status;
    }

    public void setStatus(ContributionStatus status) {
        this.status = status;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public void setPaidOn(LocalDate paidOn) {
        this.paidOn = paidOn;
    }
}
