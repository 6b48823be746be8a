/**
 * The entry point: prepares logging, then runs the command line with the Swing shell handed in.
 *
 * <p>Layer: Top: the only package that knows both app and shell.
 *
 * <p>Threads: The main thread.
 */
package cn.shebao.counter.workstation.launcher;
