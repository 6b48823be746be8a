package cn.shebao.counter.workstation.citizen;

/** Decides the original statutory retirement age: men 60, women workers 50, women in staff posts 55. Stored by name, so reordering constants never corrupts data. */
public enum RetirementCategory {
    MALE, FEMALE_WORKER, FEMALE_STAFF
}
