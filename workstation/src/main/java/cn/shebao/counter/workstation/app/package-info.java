/**
 * The composition root and the command line: wiring the workstation's services (Workstation), enrolment, the reader
 * connection, demo mode, and the shebao-counter subcommands.
 *
 * <p>Layer: Composition: may use everything below; the Swing shell is above it and handed in by the launcher.
 *
 * <p>Threads: Start-up and command-line threads; Workstation's accessors from any thread.
 */
package cn.shebao.counter.workstation.app;
