/**
 * Translated messages: the resource bundles' lookup and the exception that carries a message key instead of text.
 *
 * <p>Layer: Foundation: depends on nothing in the workstation.
 *
 * <p>Threads: Any thread; immutable.
 */
package cn.shebao.counter.workstation.i18n;
