package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.pki.KeyStores;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.store.KeyProtector;
import cn.shebao.counter.workstation.sync.ServiceClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * This machine's identity towards the central service: its private key and the certificate the centre's CA
 * issued for its node code, plus the CA certificate, the only one it trusts for the service. Kept in
 * {@code keys/node.p12}; that store's password is a random secret kept by the key protector beside the replica's
 * boot key. No database credential exists on a workstation at all.
 */
public final class NodeIdentity {

    static final String FILE = "node.p12";
    static final String SECRET = "node-keystore-password";
    private static final String KEY_ALIAS = "node";
    private static final String CA_ALIAS = "centre-ca";

    private final KeyStore store;
    private final char[] password;

    private NodeIdentity(KeyStore store, char[] password) {
        this.store = store;
        this.password = password;
    }

    public static boolean exists(DataDirectory dir) {
        return Files.exists(dir.keys().resolve(FILE));
    }

    public static void store(DataDirectory dir, KeyProtector keys, PrivateKey key, X509Certificate certificate, X509Certificate ca) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        char[] password = HexFormat.of().formatHex(random).toCharArray();
        KeyStore store = KeyStores.withKey(KEY_ALIAS, key, password, certificate, ca);
        try {
            store.setCertificateEntry(CA_ALIAS, ca);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot keep the CA certificate", e);
        }
        keys.storeSecret(SECRET, password);
        KeyStores.write(store, dir.keys().resolve(FILE), password);
        Arrays.fill(password, '\0');
    }

    public static Optional<NodeIdentity> load(DataDirectory dir, KeyProtector keys) {
        Path file = dir.keys().resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        char[] password = keys.loadSecret(SECRET).orElseThrow(() -> new IllegalStateException("the node key store password is missing"));
        return Optional.of(new NodeIdentity(KeyStores.read(file, password), password));
    }

    public X509Certificate certificate() {
        try {
            return (X509Certificate) store.getCertificate(KEY_ALIAS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public X509Certificate ca() {
        try {
            return (X509Certificate) store.getCertificate(CA_ALIAS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This machine's private key: signs its command batches (see wire/BatchSignatures). */
    public PrivateKey privateKey() {
        try {
            return (PrivateKey) store.getKey(KEY_ALIAS, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the node key store holds no usable key", e);
        }
    }

    /** Mutual TLS: this machine's key and certificate, and the centre's CA as the only trust anchor. */
    public SSLContext tls() {
        KeyStore keyOnly = KeyStores.empty();
        try {
            keyOnly.setEntry(KEY_ALIAS, store.getEntry(KEY_ALIAS, new KeyStore.PasswordProtection(password)),
                    new KeyStore.PasswordProtection(password));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the node key store holds no usable key", e);
        }
        return ServiceClient.tls(keyOnly, password, KeyStores.trusting(ca()));
    }
}
