package cn.shebao.counter.workstation.identity;

/** State of an online-service account; PENDING until central accepts an offline issue. Stored by name, so reordering constants never corrupts data. */
public enum AccountStatus {
    PENDING, ACTIVE, REVOKED, LOCKED
}
