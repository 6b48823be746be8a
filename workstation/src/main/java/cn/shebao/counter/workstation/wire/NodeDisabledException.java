package cn.shebao.counter.workstation.wire;

/**
 * The central service refused this machine: its certificate was revoked by IT (a stolen PC) or it was never
 * enrolled. Not transient: the workstation stops syncing and says so until it is enrolled again.
 */
public class NodeDisabledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NodeDisabledException(String message) {
        super(message);
    }
}
