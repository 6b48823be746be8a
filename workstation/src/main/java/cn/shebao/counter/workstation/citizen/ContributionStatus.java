package cn.shebao.counter.workstation.citizen;

/** Whether a month was paid on time, is owed, or was paid late. Stored by name, so reordering constants never corrupts data. */
public enum ContributionStatus {
    PAID, ARREARS, BACK_PAID
}
