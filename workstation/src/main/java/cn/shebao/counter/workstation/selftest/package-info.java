/**
 * The installation self-test (--self-test): Java modules, replica, report with its font, serial library.
 *
 * <p>Layer: Client: uses platform and store.
 *
 * <p>Threads: The main thread; runs without a window.
 */
package cn.shebao.counter.workstation.selftest;
