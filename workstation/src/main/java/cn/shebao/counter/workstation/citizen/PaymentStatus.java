package cn.shebao.counter.workstation.citizen;

/** State of one monthly pension payment. Stored by name, so reordering constants never corrupts data. */
public enum PaymentStatus {
    PAID, SUSPENDED, RETURNED
}
