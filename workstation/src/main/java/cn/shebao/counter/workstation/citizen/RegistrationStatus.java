package cn.shebao.counter.workstation.citizen;

/** State of a specified-disease registration. Stored by name, so reordering constants never corrupts data. */
public enum RegistrationStatus {
    ACTIVE, EXPIRED, CANCELLED
}
