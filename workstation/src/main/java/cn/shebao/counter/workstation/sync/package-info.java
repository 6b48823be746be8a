/**
 * The workstation side of sync: pushing the outbox, pulling changes, the initial load, the service client with its
 * timeouts, and reads that go to central (older records, centre audit, policy).
 *
 * <p>Layer: Client: uses command, wire, schema, store and the features' types; never central's code.
 *
 * <p>Threads: The sync thread, or any thread but the Event Dispatch Thread.
 */
package cn.shebao.counter.workstation.sync;
