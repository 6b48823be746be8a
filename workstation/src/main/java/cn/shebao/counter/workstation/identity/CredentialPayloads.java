package cn.shebao.counter.workstation.identity;

import cn.shebao.counter.workstation.wire.Payloads;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Payloads of the credential commands, version 1. The password travels only as its hash. */
final class CredentialPayloads {

    private CredentialPayloads() {
    }

    static String issued(OnlineAccount a, UUID confirmationId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountId", a.getId().toString());
        m.put("personId", a.getPersonId().toString());
        m.put("username", a.getUsername());
        m.put("passwordHash", a.getPasswordHash());
        m.put("permissionScope", a.getPermissionScope().name());
        m.put("issuedBy", Payloads.text(a.getIssuedBy()));
        m.put("issuedAt", a.getIssuedAt().toString());
        m.put("passwordExpiresAt", Payloads.text(a.getPasswordExpiresAt()));
        m.put("confirmationId", confirmationId.toString());
        return Payloads.write(m);
    }

    static OnlineAccount account(Map<String, Object> m) {
        OnlineAccount a = new OnlineAccount(Payloads.uuid(m, "accountId"));
        a.setPersonId(Payloads.uuid(m, "personId"));
        a.setUsername(Payloads.string(m, "username"));
        a.setPasswordHash(Payloads.string(m, "passwordHash"));
        a.setPermissionScope(PermissionScope.valueOf(Payloads.string(m, "permissionScope")));
        a.setIssuedBy(Payloads.uuid(m, "issuedBy"));
        a.setIssuedAt(Payloads.instant(m, "issuedAt"));
        a.setPasswordExpiresAt(Payloads.instant(m, "passwordExpiresAt"));
        a.setMustChangePassword(true);
        return a;
    }

    static String reset(OnlineAccount a, UUID confirmationId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountId", a.getId().toString());
        m.put("personId", a.getPersonId().toString());
        m.put("passwordHash", a.getPasswordHash());
        m.put("passwordExpiresAt", Payloads.text(a.getPasswordExpiresAt()));
        m.put("confirmationId", confirmationId.toString());
        return Payloads.write(m);
    }

    static String statusChange(OnlineAccount a, AccountStatus to, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountId", a.getId().toString());
        m.put("personId", a.getPersonId().toString());
        m.put("status", to.name());
        m.put("reason", reason);
        return Payloads.write(m);
    }
}
