package cn.shebao.counter.workstation.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * The head of one workstation's audit chain as central verified it (every row from 1 to {@code sequence} linked and
 * unedited), signed with the centre's key. The workstation keeps it beside its own head: a chain rewritten and
 * re-hashed locally afterwards no longer matches a head the workstation cannot forge.
 */
public record CountersignedHead(String workstationCode, long sequence, String hash, Instant signedAt, String signature) {

    public static final String ALGORITHM = "SHA256withECDSA";

    public byte[] message() {
        return message(workstationCode, sequence, hash, signedAt);
    }

    public static byte[] message(String workstationCode, long sequence, String hash, Instant signedAt) {
        return ("shebao-audit-head-v1\n" + workstationCode + "\n" + sequence + "\n" + hash + "\n" + signedAt)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** True when the centre's key signed exactly this head. */
    public boolean signedBy(PublicKey centre) {
        if (signature == null) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(centre);
            s.update(message());
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
            return false;
        }
    }
}
