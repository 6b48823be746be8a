package cn.shebao.counter.workstation.store;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The replica's key store with its password sealed to this machine's TPM: the PKCS#12 store stays as it is (so
 * the boot key, the node's key and the secrets keep one format and one code path), but its password is 32 random
 * bytes that only this TPM, in this boot state, gives back. A copy of the data directory, with or without
 * {@code /etc/machine-id} and the account name, opens nothing.
 */
public final class TpmKeyProtector implements KeyProtector {

    static final String SEALED_PASSWORD = "store-password.tpm";

    private final Path keys;
    private final TpmSealer tpm;
    private KeyStoreKeyProtector store;

    public TpmKeyProtector(Path keysDirectory, TpmSealer tpm) {
        this.keys = keysDirectory;
        this.tpm = tpm;
    }

    /** True when a key store password was ever sealed here: this data directory belongs to the TPM. */
    public static boolean sealedIn(Path keysDirectory) {
        return TpmSealer.sealedAt(keysDirectory.resolve(SEALED_PASSWORD));
    }

    @Override
    public Optional<BootKey> load() {
        if (!sealedIn(keys)) {
            refuseUnsealedStore();
            return Optional.empty();
        }
        return store().load();
    }

    @Override
    public BootKey create() {
        refuseUnsealedStore();
        return store().create();
    }

    @Override
    public void storeSecret(String name, char[] secret) {
        refuseUnsealedStore();
        store().storeSecret(name, secret);
    }

    @Override
    public Optional<char[]> loadSecret(String name) {
        if (!sealedIn(keys)) {
            refuseUnsealedStore();
            return Optional.empty();
        }
        return store().loadSecret(name);
    }

    @Override
    public void storeNext(BootKey next) {
        refuseUnsealedStore();
        store().storeNext(next);
    }

    @Override
    public Optional<BootKey> loadNext() {
        return sealedIn(keys) ? store().loadNext() : Optional.empty();
    }

    @Override
    public void promoteNext() {
        store().promoteNext();
    }

    @Override
    public void discardNext() {
        store().discardNext();
    }

    /**
     * Moves a software key store under the TPM: the same keys, the store's password replaced by a sealed one. The
     * old password no longer opens the store afterwards.
     */
    public void adopt(KeyStoreKeyProtector software) {
        if (sealedIn(keys)) {
            throw new LocalizedException("key.tpm.alreadySealed", keys.toString());
        }
        char[] password = newPassword();
        try {
            // Seal first: if sealing fails the software store is untouched and still opens.
            tpm.seal(new String(password).getBytes(StandardCharsets.US_ASCII), keys.resolve(SEALED_PASSWORD));
            software.changePassword(password);
            store = new KeyStoreKeyProtector(keys, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public boolean osProtected() {
        return true;
    }

    @Override
    public String describe() {
        return "PKCS#12 key store " + keys.resolve(KeyStoreKeyProtector.FILE_NAME) + ", its password sealed to the TPM at "
                + tpm.config().describeTarget() + " under PCR policy " + tpm.config().pcrs();
    }

    /** A key store that exists without a sealed password was made by the software protector: say so, don't overwrite. */
    private void refuseUnsealedStore() {
        if (!sealedIn(keys) && KeyStoreKeyProtector.existsIn(keys)) {
            throw new LocalizedException("key.softwareStoreFound", keys.toString());
        }
    }

    private KeyStoreKeyProtector store() {
        if (store == null) {
            Path sealed = keys.resolve(SEALED_PASSWORD);
            char[] password;
            if (TpmSealer.sealedAt(sealed)) {
                byte[] raw = tpm.unseal(sealed);
                password = new char[raw.length];
                for (int i = 0; i < raw.length; i++) {
                    password[i] = (char) (raw[i] & 0x7f); // sealed as the hex digits of newPassword()
                }
                Arrays.fill(raw, (byte) 0);
            } else {
                password = newPassword();
                byte[] raw = new String(password).getBytes(StandardCharsets.US_ASCII);
                tpm.seal(raw, sealed);
                Arrays.fill(raw, (byte) 0);
            }
            store = new KeyStoreKeyProtector(keys, password);
            Arrays.fill(password, '\0');
        }
        return store;
    }

    private static char[] newPassword() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        char[] hex = HexFormat.of().formatHex(raw).toCharArray();
        Arrays.fill(raw, (byte) 0);
        return hex;
    }
}
