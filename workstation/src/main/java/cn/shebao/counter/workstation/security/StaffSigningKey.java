package cn.shebao.counter.workstation.security;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.hibernate.Session;

/**
 * A staff member's own signing key (Ed25519). The private half is sealed with AES-256-GCM under a key derived from
 * that person's password (PBKDF2-HMAC-SHA256, its own salt, as many iterations as the password hash), so it
 * replicates to every window (a supervisor signs offline too) and only their password at the window unlocks it.
 * The sealed form is {@code ed25519-aes256gcm$iterations$salt$iv$ciphertext}; central holds the public half.
 */
public final class StaffSigningKey {

    private static final String PREFIX = "ed25519-aes256gcm";
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;

    /** The public half (X.509, base64) and the sealed private half. */
    public record Sealed(String publicKey, String sealedPrivateKey) {
    }

    private StaffSigningKey() {
    }

    /** A new key pair sealed under the password. */
    public static Sealed create(char[] password, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, random);
            KeyPair pair = generator.generateKeyPair();
            return new Sealed(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                    seal(pair.getPrivate().getEncoded(), password, random));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create an Ed25519 signing key", e);
        }
    }

    /** The private key of the staff member as this replica knows them, unlocked by their password. */
    public static PrivateKey unlock(Session s, UUID staffId, char[] password) {
        StaffUser user = s.find(StaffUser.class, staffId);
        return unlock(user == null ? null : user.getSigningKeySealed(), password);
    }

    /** The private key; a wrong password (or a key sealed under another) is refused in words. */
    public static PrivateKey unlock(String sealed, char[] password) {
        if (sealed == null) {
            throw new LocalizedException("security.signing.noKey");
        }
        byte[] pkcs8 = open(sealed, password);
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sealed signing key is not an Ed25519 key", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** The same key pair sealed under a new password (a password change keeps the person's public key). */
    public static String reseal(String sealed, char[] oldPassword, char[] newPassword, SecureRandom random) {
        byte[] pkcs8 = open(sealed, oldPassword);
        try {
            return seal(pkcs8, newPassword, random);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static String seal(byte[] secret, char[] password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(salt);
        random.nextBytes(iv);
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, keyFrom(password, salt, PasswordHasher.ITERATIONS), new GCMParameterSpec(128, iv));
            aes.updateAAD(PREFIX.getBytes(StandardCharsets.US_ASCII));
            Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
            return PREFIX + "$" + PasswordHasher.ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(iv)
                    + "$" + b64.encodeToString(aes.doFinal(secret));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a signing key", e);
        }
    }

    private static byte[] open(String sealed, char[] password) {
        String[] parts = sealed.split("\\$");
        if (parts.length != 5 || !PREFIX.equals(parts[0])) {
            throw new IllegalArgumentException("not a sealed signing key");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, keyFrom(password, b64.decode(parts[2]), Integer.parseInt(parts[1])),
                    new GCMParameterSpec(128, b64.decode(parts[3])));
            aes.updateAAD(PREFIX.getBytes(StandardCharsets.US_ASCII));
            return aes.doFinal(b64.decode(parts[4]));
        } catch (AEADBadTagException wrongPassword) {
            throw new LocalizedException("security.signing.wrongPassword");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open a sealed signing key", e);
        }
    }

    private static SecretKeySpec keyFrom(char[] password, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return new SecretKeySpec(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded(), "AES");
        } finally {
            spec.clearPassword();
        }
    }
}
