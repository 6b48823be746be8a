/**
 * Special drugs: the catalogue, applications with the registration rules, the supervisor's four-eyes decision,
 * decision notices, and the drug-approvals tab of a record.
 *
 * <p>Layer: Feature: uses citizen, certificates, audit, command, screen (its screen) and ui.
 *
 * <p>Threads: Panels: Event Dispatch Thread; DrugApplications and the handlers: any other thread.
 */
package cn.shebao.counter.workstation.drugs;
