/**
 * Certificates and statements printed with JasperReports, their register, numbers, verification codes and the
 * verification screen.
 *
 * <p>Layer: Feature: uses citizen, auditview, audit, command, screen (its screen) and ui.
 *
 * <p>Threads: Panels and dialogs: Event Dispatch Thread; content, register and printing work: any other thread.
 */
package cn.shebao.counter.workstation.certificates;
