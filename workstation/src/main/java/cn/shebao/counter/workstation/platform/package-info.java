/**
 * The machine under the workstation: the data directory and its layout, the single-instance lock, owner-only file
 * permissions, file-tree copies.
 *
 * <p>Layer: Foundation: depends only on i18n.
 *
 * <p>Threads: Any thread but the Event Dispatch Thread (file I/O).
 */
package cn.shebao.counter.workstation.platform;
