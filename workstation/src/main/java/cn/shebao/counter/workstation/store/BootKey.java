package cn.shebao.counter.workstation.store;

import java.util.Arrays;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The replica's boot password. Held as a char array so it can be wiped; {@link #toString()} never
 * reveals it, so it cannot leak through a log line or an exception message by accident.
 */
public final class BootKey implements AutoCloseable {

    private final char[] secret;

    public BootKey(char[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("a boot key needs at least 16 characters");
        }
        this.secret = secret.clone();
    }

    /** 256 fresh random bits, as the 64 hex digits Derby takes as a boot password. */
    static BootKey random() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        char[] hex = HexFormat.of().formatHex(raw).toCharArray();
        Arrays.fill(raw, (byte) 0);
        BootKey key = new BootKey(hex);
        Arrays.fill(hex, '\0');
        return key;
    }

    /** A copy the caller must wipe; Derby's API takes a String, so the copy lives only as long as a connect. */
    char[] reveal() {
        return secret.clone();
    }

    @Override
    public void close() {
        Arrays.fill(secret, '\0');
    }

    @Override
    public String toString() {
        return "BootKey[hidden]";
    }
}
