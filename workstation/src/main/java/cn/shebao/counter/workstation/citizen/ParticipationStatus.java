package cn.shebao.counter.workstation.citizen;

/** State of one insurance type for one person. Stored by name, so reordering constants never corrupts data. */
public enum ParticipationStatus {
    ACTIVE, SUSPENDED, TERMINATED
}
