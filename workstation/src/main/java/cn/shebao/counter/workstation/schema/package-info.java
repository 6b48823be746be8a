/**
 * The one list of the features that share the model (their contributions, in foreign-key order), every shared entity
 * derived from it, the replica's persistence unit, and the tables a pull
 * may write.
 *
 * <p>Layer: Above the features (it names their entities), below central, sync and the wiring.
 *
 * <p>Threads: Any thread; constants only.
 */
package cn.shebao.counter.workstation.schema;
