/**
 * Confirming who is at the window (card, manual with co-signature) and the online self-service credentials issued,
 * reset and revoked after it.
 *
 * <p>Layer: Feature: uses citizen, security, audit, command, screen (its screen) and ui.
 *
 * <p>Threads: Panels and dialogs: Event Dispatch Thread; IdentityConfirmations, OnlineCredentials and handlers: any
 * other thread.
 */
package cn.shebao.counter.workstation.identity;
