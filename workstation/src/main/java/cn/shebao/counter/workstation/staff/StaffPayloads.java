package cn.shebao.counter.workstation.staff;

import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffRolesConverter;
import cn.shebao.counter.workstation.security.StaffUser;
import cn.shebao.counter.workstation.wire.Payloads;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Payloads of the staff-account commands, version 1. Hashes and sealed keys travel; passwords never do. */
final class StaffPayloads {

    private static final StaffRolesConverter ROLES = new StaffRolesConverter();

    private StaffPayloads() {
    }

    /** A new account, or a password set by an administrator: the whole credential part of the row. */
    static String account(StaffUser u, UUID by) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("staffId", u.getId().toString());
        m.put("username", u.getUsername());
        m.put("displayName", u.getDisplayName());
        m.put("roles", ROLES.convertToDatabaseColumn(u.getRoles()));
        m.put("active", u.isActive());
        m.put("passwordHash", u.getPasswordHash());
        m.put("passwordChangedAt", u.getPasswordChangedAt().toString());
        m.put("mustChangePassword", u.isMustChangePassword());
        m.put("signingPublicKey", u.getSigningPublicKey());
        m.put("signingKeySealed", u.getSigningKeySealed());
        m.put("by", by.toString());
        return Payloads.write(m);
    }

    /** Name, roles and whether the account may log in. */
    static String update(StaffUser u, UUID by) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("staffId", u.getId().toString());
        m.put("displayName", u.getDisplayName());
        m.put("roles", ROLES.convertToDatabaseColumn(u.getRoles()));
        m.put("active", u.isActive());
        m.put("by", by.toString());
        return Payloads.write(m);
    }

    /** The person's own new password: the new hash and the same key sealed under it. */
    static String ownPassword(StaffUser u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("staffId", u.getId().toString());
        m.put("passwordHash", u.getPasswordHash());
        m.put("passwordChangedAt", u.getPasswordChangedAt().toString());
        m.put("signingKeySealed", u.getSigningKeySealed());
        return Payloads.write(m);
    }

    static Set<StaffRole> roles(Map<String, Object> m) {
        return ROLES.convertToEntityAttribute(Payloads.string(m, "roles"));
    }

    static boolean flag(Map<String, Object> m, String field) {
        Object v = m.get(field);
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException("not a boolean: " + field);
        }
        return b;
    }
}
