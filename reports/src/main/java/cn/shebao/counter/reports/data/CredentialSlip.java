package cn.shebao.counter.reports.data;

import cn.shebao.counter.reports.ReportTemplate;
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
    public String toString() {
        return "CredentialSlip[" + username + ", password hidden]";
    }
}
