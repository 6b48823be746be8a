package cn.shebao.counter.workstation.security;

import java.time.Duration;

/** Rules for staff logins; the lockout part comes from the centre's policy, tests may shorten them. */
public record LoginPolicy(int maxFailures, Duration lockout, Duration passwordMaxAge, int minimumPasswordLength) {

    public static LoginPolicy standard() {
        return new LoginPolicy(5, Duration.ofMinutes(15), Duration.ofDays(90), 10);
    }

    /** These rules with the centre's lockout: how many wrong passwords, and for how long. */
    public LoginPolicy withLockout(int failures, Duration lockedFor) {
        return new LoginPolicy(failures, lockedFor, passwordMaxAge, minimumPasswordLength);
    }
}
