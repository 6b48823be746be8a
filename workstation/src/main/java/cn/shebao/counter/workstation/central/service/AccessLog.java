package cn.shebao.counter.workstation.central.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured line per request: method, path, status, node, milliseconds, bytes. No query string and no
 * body: cursors are harmless but a later endpoint could carry a citizen's number in its query, so none is logged.
 */
final class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("cn.shebao.counter.central.access");

    void record(String method, String path, int status, String node, long millis, int bytes) {
        LOG.info("method={} path={} status={} node={} ms={} bytes={}", method, path, status, node == null ? "-" : node, millis, bytes);
    }
}
