/**
 * The Swing shell: login, main window, navigation, status bar, idle lock, settings, sync and conflict panels, and
 * the feature screens' wiring.
 *
 * <p>Layer: Shell: above app; only the launcher is above it.
 *
 * <p>Threads: Event Dispatch Thread, unless a method says otherwise.
 */
package cn.shebao.counter.workstation.shell;
