/**
 * Commands as the workstation queues them and central applies them: their types, the outbox (queue, counter, states,
 * signer), the handlers' contract with the change log, the conflict record of a refused command, and what each feature
 * contributes to the shared model: its entities and its command routes, with the staff roles a command needs.
 *
 * <p>Layer: Contract: depends on store and wire only; features put commands here and implement CommandHandler,
 * central runs them.
 *
 * <p>Threads: Any thread but the Event Dispatch Thread; Outbox methods join the caller's Hibernate session.
 */
package cn.shebao.counter.workstation.command;
