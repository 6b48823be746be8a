/**
 * The centre's certificate authority and the machines' keys: key stores, PEM, certificates for mutual TLS.
 *
 * <p>Layer: Foundation: depends on nothing in the workstation.
 *
 * <p>Threads: Any thread but the Event Dispatch Thread (file and key I/O).
 */
package cn.shebao.counter.workstation.pki;
