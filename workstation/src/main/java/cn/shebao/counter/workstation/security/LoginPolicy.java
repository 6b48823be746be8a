package cn.shebao.counter.workstation.security;

import java.time.Duration;

/** Rules for staff logins; the defaults are the centre's policy, tests may shorten them. */
public record LoginPolicy(int maxFailures, Duration lockout, Duration passwordMaxAge, int minimumPasswordLength) {

    public static LoginPolicy standard() {
        return new LoginPolicy(5, Duration.ofMinutes(15), Duration.ofDays(90), 10);
    }
}
