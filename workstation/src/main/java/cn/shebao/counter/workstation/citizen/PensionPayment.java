package cn.shebao.counter.workstation.citizen;

import cn.shebao.counter.workstation.store.DomainEntity;
import cn.shebao.counter.workstation.store.YearMonthConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/** One monthly pension payment to a retiree, split into its statutory parts. */
@Entity
@Table(name = "pension_payment")
public class PensionPayment extends DomainEntity {

    private UUID personId;
    @Convert(converter = YearMonthConverter.class)
    private YearMonth paymentMonth;
    private BigDecimal basicPension;
    private BigDecimal personalAccountPension;
    private BigDecimal transitionalPension;
    private BigDecimal totalAmount;
    @Enumerated(EnumType.STRING)
    private PaymentStatus status;
    private LocalDate paidOn;

    protected PensionPayment() {
        // for Hibernate
    }

    public PensionPayment(UUID id) {
        super(id);
    }

    public UUID getPersonId() {
        return personId;
    }

    public void setPersonId(UUID personId) {
        this.personId = personId;
    }

    public YearMonth getPaymentMonth() {
        return paymentMonth;
    }

    public void setPaymentMonth(YearMonth paymentMonth) {
        this.paymentMonth = paymentMonth;
    }

    public BigDecimal getBasicPension() {
        return basicPension;
    }

    public void setBasicPension(BigDecimal basicPension) {
        this.basicPension = basicPension;
    }

    public BigDecimal getPersonalAccountPension() {
        return personalAccountPension;
    }

    public void setPersonalAccountPension(BigDecimal personalAccountPension) {
        this.personalAccountPension = personalAccountPension;
    }

    public BigDecimal getTransitionalPension() {
        return transitionalPension;
    }

    public void setTransitionalPension(BigDecimal transitionalPension) {
        this.transitionalPension = transitionalPension;
    }

    public BigDecimal getTotalAmount() {
        return totalAmount;
    }

    public void setTotalAmount(BigDecimal totalAmount) {
        this.totalAmount = totalAmount;
    }

    public PaymentStatus getStatus() {
        return status;
    }

    public void setStatus(PaymentStatus status) {
        this.status = status;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public void setPaidOn(LocalDate paidOn) {
        this.paidOn = paidOn;
    }
}
