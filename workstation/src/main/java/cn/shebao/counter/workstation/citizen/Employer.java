package cn.shebao.counter.workstation.citizen;

import cn.shebao.counter.workstation.store.DomainEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An employer, identified by its unified social credit code (GB 32100). */
@Entity
@Table(name = "employer")
public class Employer extends DomainEntity {

    private String creditCode;
    private String name;
    private String districtCode;
    private String address;
    private BigDecimal workInjuryRate;
    @Enumerated(EnumType.STRING)
    private EmployerStatus status;
    private LocalDate registeredOn;

    protected Employer() {
        // for Hibernate
    }

    public Employer(UUID id) {
        super(id);
    }

    public String getCreditCode() {
        return creditCode;
    }

    public void setCreditCode(String creditCode) {
        this.creditCode = creditCode;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDistrictCode() {
        return districtCode;
    }

    public void setDistrictCode(String districtCode) {
        this.districtCode = districtCode;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public BigDecimal getWorkInjuryRate() {
        return workInjuryRate;
    }

    public void setWorkInjuryRate(BigDecimal workInjuryRate) {
        this.workInjuryRate = workInjuryRate;
    }

    public EmployerStatus getStatus() {
        return status;
    }

    public void setStatus(EmployerStatus status) {
        this.status = status;
    }

    public LocalDate getRegisteredOn() {
        return registeredOn;
    }

    public void setRegisteredOn(LocalDate registeredOn) {
        this.registeredOn = registeredOn;
    }
}
