/**
 * Administering staff accounts: creating, updating, password resets and changes, their rules, commands and central
 * handlers, and the admin screen.
 *
 * <p>Layer: Feature: uses security, audit, command, screen (its screen) and ui.
 *
 * <p>Threads: StaffPanel: Event Dispatch Thread; the services: any other thread.
 */
package cn.shebao.counter.workstation.staff;
