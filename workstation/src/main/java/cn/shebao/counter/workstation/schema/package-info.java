/**
 * The one list of every shared entity in foreign-key order, the replica's persistence unit, and the tables a pull
 * may write.
 *
 * <p>Layer: Above the features (it names their entities), below central, sync and the wiring.
 *
 * <p>Threads: Any thread; constants only.
 */
package cn.shebao.counter.workstation.schema;
