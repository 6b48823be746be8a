package cn.shebao.counter.workstation.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/** PKCS#12 stores for keys and certificates: in memory, and written atomically with owner-only permissions. */
public final class KeyStores {

    private KeyStores() {
    }

    public static KeyStore empty() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("PKCS#12 is missing from the Java runtime", e);
        }
    }

    public static KeyStore withKey(String alias, PrivateKey key, char[] password, Certificate... chain) {
        KeyStore ks = empty();
        try {
            ks.setKeyEntry(alias, key, password, chain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot keep a key in PKCS#12", e);
        }
        return ks;
    }

    public static KeyStore trusting(X509Certificate... anchors) {
        KeyStore ks = empty();
        try {
            for (int i = 0; i < anchors.length; i++) {
                ks.setCertificateEntry("anchor-" + i, anchors[i]);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot keep a certificate in PKCS#12", e);
        }
        return ks;
    }

    public static KeyStore read(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key store " + file.getFileName(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot open the key store " + file.getFileName(), e);
        }
    }

    /** Written beside the target and moved into place, so a crash never leaves half a key store. */
    public static void write(KeyStore store, Path file, char[] password) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            OwnerOnly.restrict(tmp);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                store.store(out, password);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key store " + file.getFileName(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write PKCS#12", e);
        }
    }
}
