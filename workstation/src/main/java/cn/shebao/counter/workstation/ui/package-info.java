/**
 * Swing helpers every screen uses: texts from the bundles, formats, table models, keys, focus, error dialog, and
 * UiTasks (the one way off the Event Dispatch Thread: a worker per screen, in order, lanes whose latest answer
 * only is shown).
 *
 * <p>Layer: UI kit: depends on i18n, logging and store (to word storage failures); on no feature.
 *
 * <p>Threads: Event Dispatch Thread, unless a method says otherwise.
 */
package cn.shebao.counter.workstation.ui;
