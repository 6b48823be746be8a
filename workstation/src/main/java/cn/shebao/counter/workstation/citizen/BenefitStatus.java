package cn.shebao.counter.workstation.citizen;

/** State of a benefit claim. Stored by name, so reordering constants never corrupts data. */
public enum BenefitStatus {
    APPLIED, PAID, REJECTED
}
