/**
 * Statutory retirement: the age rules, a person's outlook (the record's retirement tab) and the reminders list of
 * those retiring soon.
 *
 * <p>Layer: Feature: uses citizen, security and ui.
 *
 * <p>Threads: Rules and outlooks: any thread; the reminders panel: Event Dispatch Thread.
 */
package cn.shebao.counter.workstation.retirement;
