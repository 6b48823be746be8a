package cn.shebao.counter.workstation.drugs;

/** Life of a special-drug application: registered by a clerk, decided by another person. Stored by name, so reordering constants never corrupts data. */
public enum ApplicationStatus {
    REGISTERED, APPROVED, REJECTED, WITHDRAWN, REVOKED, DISPUTED
}
