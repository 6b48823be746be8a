/**
 * Logging that cannot leak personal data: redacting converters and writers for Logback, and Derby's error log routed
 * through them.
 *
 * <p>Layer: Foundation: depends on nothing in the workstation.
 *
 * <p>Threads: Any thread.
 */
package cn.shebao.counter.workstation.logging;
