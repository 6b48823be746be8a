package cn.shebao.counter.workstation.security;

import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.store.DomainEntity;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A member of staff who logs in at a workstation. Central owns the row (created, disabled, re-roled and given new
 * passwords only by commands central applies); it replicates with its hash so login works offline. Failed logins
 * are kept per window in {@link StaffLockout}.
 */
@Entity
@Table(name = "staff_user")
public class StaffUser extends DomainEntity {

    private String username;
    private String displayName;
    @Convert(converter = StaffRolesConverter.class)
    private Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
    private String passwordHash;
    private Instant passwordChangedAt;
    private boolean mustChangePassword;
    private boolean active;
    private String signingPublicKey;
    private String signingKeySealed;

    protected StaffUser() {
        // for Hibernate
    }

    public StaffUser(UUID id) {
        super(id);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Set<StaffRole> getRoles() {
        return EnumSet.copyOf(this.roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : this.roles);
    }

    public void setRoles(Set<StaffRole> roles) {
        this.roles = roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public void setPasswordChangedAt(Instant passwordChangedAt) {
        this.passwordChangedAt = passwordChangedAt;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public void setMustChangePassword(boolean mustChangePassword) {
        this.mustChangePassword = mustChangePassword;
    }

    /** The public half of the person's signing key, which central verifies their signatures against. */
    public String getSigningPublicKey() {
        return signingPublicKey;
    }

    /** The private half, sealed under the person's password (see StaffSigningKey). */
    public String getSigningKeySealed() {
        return signingKeySealed;
    }

    public void setSigningKey(StaffSigningKey.Sealed key) {
        this.signingPublicKey = key.publicKey();
        this.signingKeySealed = key.sealedPrivateKey();
    }

    public void setSigningKeySealed(String sealed) {
        this.signingKeySealed = sealed;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
