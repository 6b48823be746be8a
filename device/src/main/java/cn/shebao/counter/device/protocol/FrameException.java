package cn.shebao.counter.device.protocol;

/** A byte sequence that is not a valid GA 467 frame. The only exception the codec ever throws. */
public final class FrameException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What was wrong, for tests and for the reader's typed failure reasons. */
    public enum Problem { NO_PREAMBLE, BAD_LENGTH, TRUNCATED, BAD_CHECKSUM, TOO_SHORT_FOR_KIND, BAD_PAYLOAD }

    private final Problem problem;

    public FrameException(Problem problem, String detail) {
        super(problem + ": " + detail);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
