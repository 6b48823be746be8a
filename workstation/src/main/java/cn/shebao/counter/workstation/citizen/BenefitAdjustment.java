package cn.shebao.counter.workstation.citizen;

import cn.shebao.counter.workstation.store.DomainEntity;
import cn.shebao.counter.workstation.store.YearMonthConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/** A yearly (or special) adjustment of a pension: before, after and why. */
@Entity
@Table(name = "benefit_adjustment")
public class BenefitAdjustment extends DomainEntity {

    private UUID personId;
    @Convert(converter = YearMonthConverter.class)
    private YearMonth effectiveMonth;
    private String reason;
    private BigDecimal amountBefore;
    private BigDecimal amountAfter;
    private LocalDate approvedOn;

    protected BenefitAdjustment() {
        // for Hibernate
    }

    public BenefitAdjustment(UUID id) {
        super(id);
    }

    public UUID getPersonId() {
        return personId;
    }

    public void setPersonId(UUID personId) {
        this.personId = personId;
    }

    public YearMonth getEffectiveMonth() {
        return effectiveMonth;
    }

    public void setEffectiveMonth(YearMonth effectiveMonth) {
        this.effectiveMonth = effectiveMonth;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public BigDecimal getAmountBefore() {
        return amountBefore;
    }

    public void setAmountBefore(BigDecimal amountBefore) {
        this.amountBefore = amountBefore;
    }

    public BigDecimal getAmountAfter() {
        return amountAfter;
    }

    public void setAmountAfter(BigDecimal amountAfter) {
        this.amountAfter = amountAfter;
    }

    public LocalDate getApprovedOn() {
        return approvedOn;
    }

    public void setApprovedOn(LocalDate approvedOn) {
        this.approvedOn = approvedOn;
    }
}
