package cn.shebao.counter.workstation.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins under names that are no staff account, counted exactly as a real account's are (the same "tries
 * left", the same lockout), so the answers never tell an outsider which usernames exist. Kept in memory only, and
 * only as a keyed hash of the typed name: a clerk who types a password into the name field leaves it nowhere. A
 * restart forgets them, which a real account's lockout survives; that difference is only visible to someone who
 * can restart the workstation, who is already inside.
 */
final class UnknownNameAttempts {

    /** Bounded, so a script typing random names cannot grow it without end; the oldest names are forgotten first. */
    static final int MAX_NAMES = 10_000;

    private final byte[] key = new byte[32];
    private final Map<String, Attempts> byName = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Attempts> eldest) {
            return size() > MAX_NAMES;
        }
    };

    UnknownNameAttempts() {
        new SecureRandom().nextBytes(key);
    }

    private static final class Attempts {
        private int failures;
        private Instant lockedUntil;
    }

    /** When this name is locked now, until when. */
    synchronized Optional<Instant> lockedUntil(String name, Instant now) {
        Attempts a = byName.get(digest(name));
        return a != null && a.lockedUntil != null && now.isBefore(a.lockedUntil) ? Optional.of(a.lockedUntil) : Optional.empty();
    }

    /**
     * One more failure under this name: the tries left, or empty when this failure locks it (then
     * {@link #lockedUntil} says until when), as {@link StaffAuthenticator} does for a real account.
     */
    synchronized Optional<Integer> failed(String name, Instant now, int maxFailures, Duration lockout) {
        Attempts a = byName.computeIfAbsent(digest(name), k -> new Attempts());
        int failures = a.failures + 1;
        if (failures >= maxFailures) {
            a.failures = 0;
            a.lockedUntil = now.plus(lockout);
            return Optional.empty();
        }
        a.failures = failures;
        return Optional.of(maxFailures - failures);
    }

    private String digest(String name) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key);
            return HexFormat.of().formatHex(sha.digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
