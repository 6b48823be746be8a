package cn.shebao.counter.workstation.wire;

/** Central's answer to one pushed command. */
public record ApplyResult(Status status, String detail) {

    /**
     * APPLIED and CONFLICT are final (the workstation acknowledges and moves on); DUPLICATE repeats the stored
     * answer of an earlier push; the REFUSED ones mean the command was not applied and must be sent again later.
     */
    public enum Status {
        APPLIED, CONFLICT, DUPLICATE_APPLIED, DUPLICATE_CONFLICT, REFUSED_GAP, REFUSED_UNKNOWN_NODE,
        REFUSED_UNKNOWN_COMMAND, REFUSED_SEQUENCE_REUSED;

        public boolean acknowledged() {
            return this == APPLIED || this == CONFLICT || this == DUPLICATE_APPLIED || this == DUPLICATE_CONFLICT;
        }

        public boolean conflict() {
            return this == CONFLICT || this == DUPLICATE_CONFLICT;
        }
    }
}
