package cn.shebao.counter.workstation.identity;

/** How identity was confirmed: card on the reader, or typed number with a supervisor co-signing. Stored by name, so reordering constants never corrupts data. */
public enum ConfirmationMethod {
    CARD, MANUAL
}
