package cn.shebao.counter.workstation.certificates;

import java.time.Instant;

/** What a document carries to be verifiable: its number, its code, when it was issued, and whether it is a reprint. */
public record DocumentStamp(String number, String verificationCode, Instant issuedAt, String reprintOfNumber) {

    public boolean reprint() {
        return reprintOfNumber != null;
    }

    /** The text of the QR code: number and code, which the verify screen (or the online hall) checks. */
    public String qrText() {
        return number + "|" + verificationCode;
    }
}
