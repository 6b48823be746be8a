package cn.shebao.counter.device.smartcard;

import cn.shebao.counter.device.reader.ReadFailure;

/** A chip card that could not be read, with the reason the counter shows ({@link ReadFailure#message}). */
public final class CardReadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ReadFailure failure;

    public CardReadException(ReadFailure failure, String detail) {
        super(failure + ": " + detail);
        this.failure = failure;
    }

    public CardReadException(ReadFailure failure, String detail, Throwable cause) {
        super(failure + ": " + detail, cause);
        this.failure = failure;
    }

    public ReadFailure failure() {
        return failure;
    }
}
