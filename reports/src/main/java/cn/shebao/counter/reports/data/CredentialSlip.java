package cn.shebao.counter.reports.data;

import cn.shebao.counter.reports.ReportTemplate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The online-service credential slip. The initial password is held only as long as it takes to print;
 * {@link #toString()} never shows it.
 */
public record CredentialSlip(String centreName, String title, String usernameLabel, String username, String passwordLabel,
        String initialPassword, String scopeLabel, String scope, String activation, String instructions, String issuedBy)
        implements ReportData {

    public CredentialSlip {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(initialPassword, "initialPassword");
    }

    @Override
    public ReportTemplate template() {
        return ReportTemplate.CREDENTIAL_SLIP;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("centreName", centreName);
        p.put("title", title);
        p.put("usernameLabel", usernameLabel);
        p.put("username", username);
        p.put("passwordLabel", passwordLabel);
        p.put("initialPassword", initialPassword);
        p.put("scopeLabel", scopeLabel);
        p.put("scope", scope);
        p.put("activation", activation);
        p.put("instructions", instructions);
        p.put("issuedBy", issuedBy);
        return p;
    }

    @Override
    public String toString() {
        return "CredentialSlip[" + username + ", password hidden]";
    }
}
