package cn.shebao.counter.reports.overrides;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * IT's side of template signing: make the centre's template key pair once, sign each override before it is
 * distributed. Runs on IT's machine, never on a workstation (the workstation holds the public key only).
 */
public final class TemplateSigning {

    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private TemplateSigning() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(TemplateKey.ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no Ed25519", e);
        }
    }

    /** Writes the private key as PKCS#8 PEM, readable by its owner only; refuses to overwrite one. */
    public static void writePrivateKey(PrivateKey key, Path file) throws IOException {
        String pem = PEM_BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n" + PEM_END + "\n";
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    public static PrivateKey readPrivateKey(Path file) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = pem.indexOf(PEM_BEGIN);
        int end = pem.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new IOException(file + " is not a PEM private key");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + PEM_BEGIN.length(), end));
            return KeyFactory.getInstance(TemplateKey.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not an Ed25519 private key", e);
        }
    }

    /** Signs {@code <name>.jrxml} and writes the signature beside it as {@code <name>.jrxml.sig}; returns that file. */
    public static Path sign(PrivateKey key, Path jrxml) throws IOException {
        byte[] content = Files.readAllBytes(jrxml);
        try {
            Signature signer = Signature.getInstance(TemplateKey.ALGORITHM);
            signer.initSign(key);
            signer.update(TemplateKey.signedMessage(TemplateOverrides.templateName(jrxml), content));
            Path signature = TemplateOverrides.signatureOf(jrxml);
            Files.writeString(signature, Base64.getEncoder().encodeToString(signer.sign()) + "\n", StandardCharsets.US_ASCII);
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IOException("signing " + jrxml + " failed", e);
        }
    }
}
