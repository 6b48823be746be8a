/**
 * The contract between workstation and central service: envelopes, payload helpers, signatures, the sources and
 * sinks each side implements, API version.
 *
 * <p>Layer: Contract: depends on store only for SQL flavours; on neither side.
 *
 * <p>Threads: Any thread; value types are immutable.
 */
package cn.shebao.counter.workstation.wire;
