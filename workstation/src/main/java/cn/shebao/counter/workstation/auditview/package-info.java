/**
 * Screens and documents over the audit: the audit search panel, the citizen's access history and statement, the
 * centre-wide view, the unusual-access dialog.
 *
 * <p>Layer: Feature: uses audit, citizen, security, screen (its screen) and ui.
 *
 * <p>Threads: Panels and dialogs: Event Dispatch Thread; queries: any other thread.
 */
package cn.shebao.counter.workstation.auditview;
