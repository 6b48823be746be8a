package cn.shebao.counter.workstation.command;

/**
 * What a member of staff may do. Checked in the services, not only by hiding buttons, and again at central for every
 * command (a command names the roles it needs: {@link CommandRoute}); part of the contract for that reason.
 */
public enum StaffRole {
    CLERK, SUPERVISOR, ADMIN
}
