package cn.shebao.counter.workstation.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.random.RandomGenerator;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 with a per-user salt, encoded as {@code pbkdf2-sha256$iterations$salt$hash}
 * so the cost can rise later and old hashes still verify. 600,000 iterations follows OWASP's 2023
 * guidance for this algorithm.
 */
public final class PasswordHasher {

    public static final int ITERATIONS = 600_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    /** Marks an account with no usable password (like "!" in /etc/shadow): {@link #verify} never accepts it. */
    public static final String NO_PASSWORD = "!none";

    private final RandomGenerator saltSource;

    public PasswordHasher() {
        this(new SecureRandom());
    }

    /** A deterministic salt source is only for the demo data generator, whose output must repeat. */
    public PasswordHasher(RandomGenerator saltSource) {
        this.saltSource = saltSource;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        saltSource.nextBytes(salt);
        byte[] hash = derive(password, salt, ITERATIONS);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    public boolean verify(char[] password, String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = derive(password, salt, Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 missing from the Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

}
