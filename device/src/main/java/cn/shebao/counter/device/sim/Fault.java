package cn.shebao.counter.device.sim;

/** Faults the simulator can inject, to prove the reader copes with each. */
public enum Fault {
    /** Find answers "no card" even with a card on the reader. */
    NO_CARD,
    /** Select answers 81. */
    SELECT_FAILURE,
    /** Read answers 41. */
    READ_FAILURE,
    /** The next response carries a wrong checksum. */
    BAD_CHECKSUM,
    /** The next response is cut short. */
    TRUNCATED_FRAME,
    /** Random bytes precede the next response. */
    GARBAGE,
    /** The next card-read response comes later than the client's read deadline. */
    SLOW_RESPONSE
}
