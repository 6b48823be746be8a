package cn.shebao.counter.workstation.citizen;

/** Kind of medical settlement. Stored by name, so reordering constants never corrupts data. */
public enum VisitType {
    OUTPATIENT, INPATIENT, SPECIFIED_DISEASE_OUTPATIENT
}
