package cn.shebao.counter.workstation.certificates;

import java.time.Instant;

/** The answer of the verify-document screen. Details are only given for a valid number and code. */
public record DocumentVerification(Outcome outcome, DocumentType type, String maskedIdNumber, String name,
        Instant issuedAt, String workstationCode, String reprintOfNumber) {

    public enum Outcome { VALID, UNKNOWN_NUMBER, WRONG_CODE }

    static DocumentVerification refused(Outcome outcome) {
        return new DocumentVerification(outcome, null, null, null, null, null, null);
    }
}
