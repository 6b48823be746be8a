/**
 * The central side of sync: applying commands with every rule checked again, the change log and snapshots, audit
 * shipping and countersigned heads, the handler registry and central's own tables.
 *
 * <p>Layer: Server: uses the features' rules and handlers, command, wire, schema and store; never the client (sync,
 * ui, shell).
 *
 * <p>Threads: Any thread but the Event Dispatch Thread; each call in its own transaction.
 */
package cn.shebao.counter.workstation.central;
