package cn.shebao.counter.reports.overrides;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The centre's template key: the Ed25519 public key that IT configures on every workstation
 * ({@code templates.publicKey} in {@code workstation.properties}, the key in X.509 form, Base64). Only a template
 * override signed with its private half is used; the private half stays on IT's signing machine.
 *
 * <p>Ed25519 because the JDK has it since 15 with no provider to configure, signatures are 64 bytes and the public
 * key fits on one line of a properties file. The signature covers the template's name as well as its bytes, so a
 * template signed as the credential slip cannot be put in the place of the participation certificate.
 */
public final class TemplateKey {

    static final String ALGORITHM = "Ed25519";
    private static final String CONTEXT = "shebao-counter template override v1";

    private final PublicKey key;

    private TemplateKey(PublicKey key) {
        this.key = key;
    }

    /** @throws IllegalArgumentException if the text is not a Base64 Ed25519 public key */
    public static TemplateKey parse(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.strip());
            return new TemplateKey(KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in Base64", e);
        }
    }

    public static TemplateKey of(PublicKey key) {
        return new TemplateKey(key);
    }

    /** The configuration value for this key. */
    public String encoded() {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Whether {@code signature} is this key's signature of the template {@code name} with exactly {@code content}. */
    public boolean verifies(String name, byte[] content, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedMessage(name, content));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A malformed signature (wrong length) is a signature that does not verify, not a fault of ours.
            return false;
        }
    }

    static byte[] signedMessage(String name, byte[] content) {
        byte[] head = (CONTEXT + "\0" + name + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[head.length + content.length];
        System.arraycopy(head, 0, message, 0, head.length);
        System.arraycopy(content, 0, message, head.length, content.length);
        return message;
    }
}
