package cn.shebao.counter.workstation.citizen;

/** Where an insured person stands in the scheme. Stored by name, so reordering constants never corrupts data. */
public enum PersonStatus {
    CONTRIBUTING, SUSPENDED, RETIRED, DECEASED
}
