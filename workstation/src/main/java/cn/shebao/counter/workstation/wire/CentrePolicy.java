package cn.shebao.counter.workstation.wire;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The rules a window follows that belong to the centre, not to the clerk or the machine: how long an unattended
 * window may stay unlocked at most, how many wrong passwords lock an account and for how long, and how far a
 * workstation may work offline before it stops issuing credentials. Set in the central service's configuration,
 * sent to every workstation at each sync and kept in its replica, so the rules hold offline too; a clerk may choose
 * a shorter idle lock, never a longer one.
 *
 * <p>Each value is bounded, at central and again at the workstation, so neither a typing error in the configuration
 * nor a forged answer can switch a rule off (an idle lock of a week, a lockout after a thousand tries).
 */
public record CentrePolicy(int idleLockMaxMinutes, int lockoutFailures, int lockoutMinutes, int maxDaysOffline,
        int maxPendingCommands) {

    public static final CentrePolicy DEFAULT = new CentrePolicy(10, 5, 15, 3, 200);

    /** Each setting's key in central.properties and its bounds. */
    private enum Setting {
        IDLE_LOCK_MAX_MINUTES("policy.idleLockMaxMinutes", 1, 60),
        LOCKOUT_FAILURES("policy.lockoutFailures", 3, 10),
        LOCKOUT_MINUTES("policy.lockoutMinutes", 5, 24 * 60),
        MAX_DAYS_OFFLINE("policy.maxDaysOffline", 1, 30),
        MAX_PENDING_COMMANDS("policy.maxPendingCommands", 10, 10_000);

        final String key;
        final int min;
        final int max;

        Setting(String key, int min, int max) {
            this.key = key;
            this.min = min;
            this.max = max;
        }

        int check(int value) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        }
    }

    public CentrePolicy {
        Setting.IDLE_LOCK_MAX_MINUTES.check(idleLockMaxMinutes);
        Setting.LOCKOUT_FAILURES.check(lockoutFailures);
        Setting.LOCKOUT_MINUTES.check(lockoutMinutes);
        Setting.MAX_DAYS_OFFLINE.check(maxDaysOffline);
        Setting.MAX_PENDING_COMMANDS.check(maxPendingCommands);
    }

    /** From central.properties; a setting left out keeps its default, one out of bounds is refused with its name. */
    public static CentrePolicy read(Properties p) {
        return new CentrePolicy(
                value(p, Setting.IDLE_LOCK_MAX_MINUTES, DEFAULT.idleLockMaxMinutes),
                value(p, Setting.LOCKOUT_FAILURES, DEFAULT.lockoutFailures),
                value(p, Setting.LOCKOUT_MINUTES, DEFAULT.lockoutMinutes),
                value(p, Setting.MAX_DAYS_OFFLINE, DEFAULT.maxDaysOffline),
                value(p, Setting.MAX_PENDING_COMMANDS, DEFAULT.maxPendingCommands));
    }

    private static int value(Properties p, Setting setting, int fallback) {
        String v = p.getProperty(setting.key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return setting.check(Integer.parseInt(v.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting.key + " must be a whole number, not \"" + v.strip() + "\"", e);
        }
    }

    public Duration idleLockMax() {
        return Duration.ofMinutes(idleLockMaxMinutes);
    }

    public Duration lockout() {
        return Duration.ofMinutes(lockoutMinutes);
    }

    /** The wire form: one JSON object. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("idleLockMaxMinutes", idleLockMaxMinutes);
        m.put("lockoutFailures", lockoutFailures);
        m.put("lockoutMinutes", lockoutMinutes);
        m.put("maxDaysOffline", maxDaysOffline);
        m.put("maxPendingCommands", maxPendingCommands);
        return m;
    }

    /** @throws IllegalArgumentException for an answer that is incomplete or out of bounds: it is not applied */
    public static CentrePolicy fromMap(Map<String, Object> m) {
        return new CentrePolicy(number(m, "idleLockMaxMinutes"), number(m, "lockoutFailures"), number(m, "lockoutMinutes"),
                number(m, "maxDaysOffline"), number(m, "maxPendingCommands"));
    }

    private static int number(Map<String, Object> m, String field) {
        if (!(m.get(field) instanceof Number n)) {
            throw new IllegalArgumentException("policy answer without " + field);
        }
        return Math.toIntExact(n.longValue());
    }
}
