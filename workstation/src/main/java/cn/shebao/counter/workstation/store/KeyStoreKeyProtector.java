package cn.shebao.counter.workstation.store;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.platform.FilePermissions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A PKCS#12 key store in the data directory holding a random 256-bit key whose hex form is the
 * Derby boot password.
 *
 * <p>What protects it, honestly: the file is owner-only, and the store password comes from
 * {@value #PASSWORD_ENV} when the service manager supplies one (e.g. a systemd credential), otherwise
 * it is derived from this machine's identity and the account. The derived password only stops someone
 * who copies the replica files without the key store, or moves the whole directory to another machine;
 * someone with the account's files on this machine can open the replica. {@link #osProtected()} is false.
 */
public final class KeyStoreKeyProtector implements KeyProtector {

    public static final String PASSWORD_ENV = "SHEBAO_KEYSTORE_PASSWORD";
    static final String FILE_NAME = "replica-key.p12";
    private static final String ALIAS = "replica-boot-key";
    private static final String NEXT_ALIAS = "replica-boot-key-next";

    private final Path file;
    private final char[] storePassword;

    public KeyStoreKeyProtector(Path keysDirectory, char[] storePassword) {
        this.file = keysDirectory.resolve(FILE_NAME);
        this.storePassword = storePassword.clone();
    }

    /** True when a software key store was ever written in {@code keysDirectory}. */
    public static boolean existsIn(Path keysDirectory) {
        return Files.exists(keysDirectory.resolve(FILE_NAME));
    }

    /** The production choice: the environment's password when set, else one bound to this machine. */
    public static KeyStoreKeyProtector forMachine(Path keysDirectory) {
        String supplied = System.getenv(PASSWORD_ENV);
        char[] password = supplied != null && !supplied.isEmpty()
                ? supplied.toCharArray() : machineBoundPassword();
        return new KeyStoreKeyProtector(keysDirectory, password);
    }

    static char[] machineBoundPassword() {
        String machineId = "";
        for (Path p : new Path[] {Path.of("/etc/machine-id"), Path.of("/var/lib/dbus/machine-id")}) {
            try {
                machineId = Files.readString(p, StandardCharsets.US_ASCII).strip();
                break;
            } catch (IOException e) {
                // Not Linux or not readable: fall through to the next source; COMPUTERNAME covers Windows.
                machineId = System.getenv().getOrDefault("COMPUTERNAME", "");
            }
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // Not the path: a data directory restored or moved on the same machine must still open.
            sha.update(("shebao-counter|" + machineId + "|" + System.getProperty("user.name"))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).toCharArray();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 missing from the Java runtime", e);
        }
    }

    @Override
    public Optional<BootKey> load() {
        Optional<BootKey> key = load(ALIAS);
        if (key.isEmpty() && Files.exists(file)) {
            throw new LocalizedException("replica.error.keyStoreUnreadable", file.toString());
        }
        return key;
    }

    @Override
    public Optional<BootKey> loadNext() {
        return load(NEXT_ALIAS);
    }

    @Override
    public void storeNext(BootKey next) {
        char[] hex = next.reveal();
        byte[] raw = HexFormat.of().parseHex(new String(hex));
        Arrays.fill(hex, '\0');
        try {
            rewrite(store -> store.setEntry(NEXT_ALIAS, new KeyStore.SecretKeyEntry(new SecretKeySpec(raw, "AES")),
                    new KeyStore.PasswordProtection(storePassword)));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    @Override
    public void promoteNext() {
        rewrite(store -> {
            KeyStore.Entry next = store.getEntry(NEXT_ALIAS, new KeyStore.PasswordProtection(storePassword));
            if (next == null) {
                throw new IllegalStateException("no next key to promote in " + file);
            }
            // One rewrite of the file: it holds either the old key and the next one, or the new key alone.
            store.setEntry(ALIAS, next, new KeyStore.PasswordProtection(storePassword));
            store.deleteEntry(NEXT_ALIAS);
        });
    }

    @Override
    public void discardNext() {
        rewrite(store -> {
            if (store.containsAlias(NEXT_ALIAS)) {
                store.deleteEntry(NEXT_ALIAS);
            }
        });
    }

    private interface StoreChange {
        void apply(KeyStore store) throws GeneralSecurityException;
    }

    /** Loads the store, changes it, writes it beside and moves it over: a crash leaves the old file or the new one. */
    private void rewrite(StoreChange change) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, storePassword);
            }
            change.apply(store);
            writeBeside(store, storePassword);
        } catch (IOException | GeneralSecurityException e) {
            throw new LocalizedException(e, "replica.error.keyStoreUnwritable", file.toString());
        }
    }

    /**
     * Writes the store beside the file and moves it over: a crash leaves the old store or the new one, never a
     * half-written store and an unopenable replica.
     */
    private void writeBeside(KeyStore store, char[] password) throws IOException, GeneralSecurityException {
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            store.store(out, password);
        }
        FilePermissions.ownerOnly(tmp);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Optional<BootKey> load(String alias) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, storePassword);
            KeyStore.Entry entry = store.getEntry(alias, new KeyStore.PasswordProtection(storePassword));
            if (!(entry instanceof KeyStore.SecretKeyEntry secret)) {
                return Optional.empty();
            }
            byte[] raw = secret.getSecretKey().getEncoded();
            char[] hex = HexFormat.of().formatHex(raw).toCharArray();
            Arrays.fill(raw, (byte) 0);
            BootKey key = new BootKey(hex);
            Arrays.fill(hex, '\0');
            return Optional.of(key);
        } catch (IOException | GeneralSecurityException e) {
            // A wrong store password surfaces as an IOException from load(): say what the clerk can act on.
            throw new LocalizedException(e, "replica.error.keyStoreUnreadable", file.toString());
        }
    }

    @Override
    public BootKey create() {
        if (Files.exists(file)) {
            throw new IllegalStateException("a replica key already exists at " + file + "; refusing to overwrite it");
        }
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        try {
            Files.createDirectories(file.getParent());
            FilePermissions.ownerOnly(file.getParent());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, storePassword);
            SecretKey key = new SecretKeySpec(raw, "AES");
            store.setEntry(ALIAS, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(storePassword));
            writeBeside(store, storePassword);
            char[] hex = HexFormat.of().formatHex(raw).toCharArray();
            BootKey bootKey = new BootKey(hex);
            Arrays.fill(hex, '\0');
            return bootKey;
        } catch (IOException | GeneralSecurityException e) {
            throw new LocalizedException(e, "replica.error.keyStoreUnwritable", file.toString());
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    @Override
    public void storeSecret(String name, char[] secret) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, storePassword);
                }
            } else {
                Files.createDirectories(file.getParent());
                store.load(null, storePassword);
            }
            byte[] bytes = new String(secret).getBytes(StandardCharsets.UTF_8);
            store.setEntry("secret-" + name, new KeyStore.SecretKeyEntry(new SecretKeySpec(bytes, "AES") /* PKCS#12 needs a known algorithm name; the bytes are opaque */),
                    new KeyStore.PasswordProtection(storePassword));
            Arrays.fill(bytes, (byte) 0);
            writeBeside(store, storePassword);
        } catch (IOException | GeneralSecurityException e) {
            throw new LocalizedException(e, "replica.error.keyStoreUnwritable", file.toString());
        }
    }

    @Override
    public Optional<char[]> loadSecret(String name) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, storePassword);
            KeyStore.Entry entry = store.getEntry("secret-" + name, new KeyStore.PasswordProtection(storePassword));
            if (!(entry instanceof KeyStore.SecretKeyEntry secret)) {
                return Optional.empty();
            }
            byte[] bytes = secret.getSecretKey().getEncoded();
            char[] chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes)).array();
            Arrays.fill(bytes, (byte) 0);
            return Optional.of(chars);
        } catch (IOException | GeneralSecurityException e) {
            throw new LocalizedException(e, "replica.error.keyStoreUnreadable", file.toString());
        }
    }

    /**
     * Rewrites the store under {@code newPassword}, every entry kept: how a software store moves under the TPM. Written
     * beside and moved, so a crash leaves either the old store or the new one, never half of each.
     */
    void changePassword(char[] newPassword) {
        try {
            KeyStore old = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                old.load(in, storePassword);
            }
            KeyStore fresh = KeyStore.getInstance("PKCS12");
            fresh.load(null, newPassword);
            for (String alias : Collections.list(old.aliases())) {
                KeyStore.Entry entry = old.getEntry(alias, new KeyStore.PasswordProtection(storePassword));
                fresh.setEntry(alias, entry, new KeyStore.PasswordProtection(newPassword));
            }
            writeBeside(fresh, newPassword);
        } catch (IOException | GeneralSecurityException e) {
            throw new LocalizedException(e, "replica.error.keyStoreUnwritable", file.toString());
        }
    }

    @Override
    public boolean osProtected() {
        return false;
    }

    @Override
    public String describe() {
        return "PKCS#12 software key store " + file;
    }
}
