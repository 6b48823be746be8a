package cn.shebao.counter.workstation.citizen;

/** Steps of a work-injury case. Stored by name, so reordering constants never corrupts data. */
public enum WorkInjuryStatus {
    APPLIED, RECOGNISED, NOT_RECOGNISED, ASSESSED, PAID
}
