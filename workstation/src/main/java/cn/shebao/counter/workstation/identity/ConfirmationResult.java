package cn.shebao.counter.workstation.identity;

/** Outcome of an identity confirmation. Stored by name, so reordering constants never corrupts data. */
public enum ConfirmationResult {
    CONFIRMED, REFUSED
}
