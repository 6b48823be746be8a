package cn.shebao.counter.workstation.wire;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * A workstation signs every command batch it pushes with its own machine key (the key its client certificate
 * certifies), over the exact bytes of the request body; the service verifies it against that certificate's public
 * key before it applies anything. The batch so stays the machine's own even where TLS ends before the service (a
 * TLS-terminating load balancer), and a body altered on the way is refused whole.
 */
public final class BatchSignatures {

    /** The request header that carries the signature (base64 SHA256withECDSA). */
    public static final String HEADER = "X-Shebao-Batch-Signature";
    private static final String ALGORITHM = "SHA256withECDSA";

    private BatchSignatures() {
    }

    public static String sign(PrivateKey machineKey, byte[] body) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(machineKey);
            s.update(body);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a command batch with the machine key", e);
        }
    }

    /** False for a missing, malformed or wrong signature. */
    public static boolean verify(PublicKey machine, byte[] body, String signature) {
        if (signature == null) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(machine);
            s.update(body);
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
            return false;
        }
    }
}
