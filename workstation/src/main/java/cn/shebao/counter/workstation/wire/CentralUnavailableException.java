package cn.shebao.counter.workstation.wire;

import java.util.List;

/**
 * Central could not answer (network, service or database down, a timeout): transient, try again later. When
 * it interrupts a push, {@link #applied()} holds the answers for the commands central applied before it, so
 * the workstation records them instead of waiting for duplicates.
 */
public class CentralUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<ApplyResult> applied;

    public CentralUnavailableException(String message, Throwable cause) {
        this(message, cause, List.of());
    }

    public CentralUnavailableException(String message, Throwable cause, List<ApplyResult> applied) {
        super(message, cause);
        this.applied = List.copyOf(applied);
    }

    public List<ApplyResult> applied() {
        return applied;
    }
}
