package cn.shebao.counter.workstation.identity;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * A credential just issued or reset: the only object that ever holds the initial password in clear, for the
 * moment it takes to render the slip. {@link #wipe()} clears it; {@link #toString()} never shows it.
 */
public final class IssuedCredential {

    private final UUID accountId;
    private final UUID personId;
    private final String username;
    private final char[] password;
    private final PermissionScope scope;
    private final Instant passwordExpiresAt;
    private final boolean reset;

    IssuedCredential(UUID accountId, UUID personId, String username, char[] password, PermissionScope scope,
            Instant passwordExpiresAt, boolean reset) {
        this.accountId = accountId;
        this.personId = personId;
        this.username = username;
        this.password = password;
        this.scope = scope;
        this.passwordExpiresAt = passwordExpiresAt;
        this.reset = reset;
    }

    public UUID accountId() {
        return accountId;
    }

    public UUID personId() {
        return personId;
    }

    public String username() {
        return username;
    }

    /** The password itself, not a copy: render the slip, then {@link #wipe()}. */
    public char[] password() {
        return password;
    }

    public PermissionScope scope() {
        return scope;
    }

    public Instant passwordExpiresAt() {
        return passwordExpiresAt;
    }

    public boolean reset() {
        return reset;
    }

    public void wipe() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "IssuedCredential[" + username + ", password hidden]";
    }
}
