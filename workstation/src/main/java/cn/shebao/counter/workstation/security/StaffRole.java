package cn.shebao.counter.workstation.security;

/** What a member of staff may do. Checked in services, not only by hiding buttons. */
public enum StaffRole {
    CLERK, SUPERVISOR, ADMIN
}
