/**
 * The workstation's audit trail: the hash chain of every view, print and change, its verification, retention,
 * queries, and the unusual-access report.
 *
 * <p>Layer: Feature: uses command (audit rows ship as AUDIT_EVENT commands), wire and store.
 *
 * <p>Threads: Any thread but the Event Dispatch Thread.
 */
package cn.shebao.counter.workstation.audit;
