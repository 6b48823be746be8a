package cn.shebao.counter.workstation.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;

/**
 * A person's signature over one command (Ed25519): a supervisor's decision, a co-sign, a conflict resolution, an
 * administrator's change to a staff account. The window signs with the key only that person's password unlocks;
 * central verifies against the public key it holds, so a workstation cannot forge what the person did not do.
 * The signed text binds the command's id and type to its payload, so a signature cannot be moved to another command.
 */
public final class CommandSignatures {

    public static final String ALGORITHM = "Ed25519";

    private CommandSignatures() {
    }

    public static String sign(PrivateKey key, UUID commandId, String commandType, String payload) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(message(commandId, commandType, payload));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a command with " + ALGORITHM, e);
        }
    }

    /** False for a missing, malformed or wrong signature, and for a public key that cannot be read. */
    public static boolean verify(String publicKey, String signature, UUID commandId, String commandType, String payload) {
        if (publicKey == null || signature == null) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(publicKey(publicKey));
            s.update(message(commandId, commandType, payload));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
            return false;
        }
    }

    public static PublicKey publicKey(String encoded) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encoded)));
    }

    private static byte[] message(UUID commandId, String commandType, String payload) {
        return ("shebao-command-v1\n" + commandId + "\n" + commandType + "\n" + payload).getBytes(StandardCharsets.UTF_8);
    }
}
