package cn.shebao.counter.workstation.citizen;

/** The five social insurances. Stored by name, so reordering constants never corrupts data. */
public enum InsuranceType {
    PENSION, MEDICAL, UNEMPLOYMENT, WORK_INJURY, MATERNITY
}
