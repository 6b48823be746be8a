package cn.shebao.counter.workstation.security;

import java.time.Instant;

/** What a login attempt came to. A wrong username and a wrong password look the same to the caller. */
public sealed interface LoginOutcome {

    /** Logged in; the password must be changed first when it is an initial or an expired one. */
    record Success(StaffSession session, boolean mustChangePassword) implements LoginOutcome {
    }

    record WrongCredentials(int attemptsLeft) implements LoginOutcome {
    }

    record Locked(Instant until) implements LoginOutcome {
    }
}
