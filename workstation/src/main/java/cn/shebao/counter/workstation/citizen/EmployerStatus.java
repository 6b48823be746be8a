package cn.shebao.counter.workstation.citizen;

/** Whether an employer still exists as a contributing unit. Stored by name, so reordering constants never corrupts data. */
public enum EmployerStatus {
    ACTIVE, CANCELLED
}
