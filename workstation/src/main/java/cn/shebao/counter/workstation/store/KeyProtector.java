package cn.shebao.counter.workstation.store;

import java.util.Optional;

/**
 * Keeps the replica's boot key. The first implementation is a software key store; an operating-system
 * store (Windows DPAPI, the Secret Service on Linux, a TPM) can replace it behind this interface.
 */
public interface KeyProtector {

    /** The stored key, or empty when none was ever created here. */
    Optional<BootKey> load();

    /** Generates a new random key, stores it and returns it. Refuses to overwrite an existing key. */
    BootKey create();

    /**
     * Key rotation, first half: keeps a new key beside the current one, so that a rotation cut short (a killed process,
     * a power cut) can still open the replica with whichever key Derby ended with. Replaces an earlier next key.
     */
    void storeNext(BootKey next);

    /** The key kept by {@link #storeNext}, or empty when no rotation is under way. */
    Optional<BootKey> loadNext();

    /** Key rotation, second half: the next key becomes the key, and the old key is gone from the store. */
    void promoteNext();

    /** A rotation that did not happen: the next key is dropped and the current key stays. */
    void discardNext();

    /** Keeps another secret of this workstation (its central database password) beside the boot key. */
    void storeSecret(String name, char[] secret);

    /** A secret kept with {@link #storeSecret}, or empty. The caller wipes the array after use. */
    Optional<char[]> loadSecret(String name);

    /** True only when the operating system or hardware guards the key; false means "anyone who copies
     * the whole data directory can open the replica", and the workstation says so loudly. */
    boolean osProtected();

    /** A short, non-secret description for diagnostics, e.g. where the store lives. */
    String describe();
}
