package cn.shebao.counter.workstation.security;

import cn.shebao.counter.workstation.command.StaffRole;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Who is logged in at this workstation. Services take it and check roles themselves. */
public record StaffSession(UUID userId, String username, String displayName, Set<StaffRole> roles) {

    public StaffSession {
        roles = roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
    }

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }

    /** Refuses unless the session holds at least one of the roles. */
    public void require(StaffRole... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(roles::contains)) {
            throw new AccessDeniedException(username, anyOf);
        }
    }

    @Override
    public Set<StaffRole> roles() {
        return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : roles);
    }
}
