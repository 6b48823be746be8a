/**
 * The central HTTP service over mutual TLS: the only holder of the central database's credentials; machine registry,
 * roles, pool, access log.
 *
 * <p>Layer: Server: uses central.
 *
 * <p>Threads: Jetty's request threads.
 */
package cn.shebao.counter.workstation.central.service;
