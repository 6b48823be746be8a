/**
 * Swing helpers every screen uses: texts from the bundles, formats, table models, keys, focus, error dialog, and
 * Background (the one way off the Event Dispatch Thread).
 *
 * <p>Layer: UI kit: depends on i18n, logging and store (to word storage failures); on no feature.
 *
 * <p>Threads: Event Dispatch Thread, unless a method says otherwise.
 */
package cn.shebao.counter.workstation.ui;
