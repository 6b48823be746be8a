package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.workstation.store.DomainEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** A catalogue entry for a special (expensive) drug or treatment, maintained centrally. */
@Entity
@Table(name = "special_drug")
public class SpecialDrug extends DomainEntity {

    private String drugCode;
    private String name;
    private String specification;
    private String indicationCodes;
    private BigDecimal reimbursementLimit;
    private boolean requiresDiseaseRegistration;
    private boolean active;

    protected SpecialDrug() {
        // for Hibernate
    }

    public SpecialDrug(UUID id) {
        super(id);
    }

    public String getDrugCode() {
        return drugCode;
    }

    public void setDrugCode(String drugCode) {
        this.drugCode = drugCode;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSpecification() {
        return specification;
    }

    public void setSpecification(String specification) {
        this.specification = specification;
    }

    public String getIndicationCodes() {
        return indicationCodes;
    }

    public void setIndicationCodes(String indicationCodes) {
        this.indicationCodes = indicationCodes;
    }

    public BigDecimal getReimbursementLimit() {
        return reimbursementLimit;
    }

    public void setReimbursementLimit(BigDecimal reimbursementLimit) {
        this.reimbursementLimit = reimbursementLimit;
    }

    public boolean isRequiresDiseaseRegistration() {
        return requiresDiseaseRegistration;
    }

    public void setRequiresDiseaseRegistration(boolean requiresDiseaseRegistration) {
        this.requiresDiseaseRegistration = requiresDiseaseRegistration;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    /** True when one of the drug's indications (ICD-10 code prefixes) covers the diagnosis. */
    public boolean indicates(String diagnosisCode) {
        for (String prefix : indicationCodes.split(",")) {
            if (!prefix.isBlank() && diagnosisCode.startsWith(prefix.strip())) {
                return true;
            }
        }
        return false;
    }
}
