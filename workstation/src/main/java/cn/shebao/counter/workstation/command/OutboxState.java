package cn.shebao.counter.workstation.command;

/** Where a local command stands: waiting, accepted by central, or accepted there as a recorded conflict. */
public enum OutboxState { PENDING, APPLIED, CONFLICT }
