package cn.shebao.counter.workstation.central.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The least the central service's own database role needs, granted by the migration role that owns the schema
 * ({@code central grant-service}, run after every {@code central migrate}): read and write the domain tables, only
 * add to the records that prove what happened (the audit, the applied commands, the change log; their triggers
 * refuse changes from anyone), read the migration history, and nothing else: no DDL, no schema of its own.
 */
public final class ServiceRole {

    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** Tables the service may only add to and read. */
    static final List<String> APPEND_ONLY = List.of("shipped_audit_event", "audit_event", "applied_command", "change_log",
            "record_read");

    private ServiceRole() {
    }

    /** @param owner a connection as the schema's owner (the migration role) */
    public static void grant(DataSource owner, String role) throws SQLException {
        if (!ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("not a plain PostgreSQL role name: " + role);
        }
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            // Role names cannot be bind parameters; the pattern above keeps this one a plain identifier.
            st.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            st.execute("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM " + role);
            st.execute("GRANT USAGE ON SCHEMA public TO " + role);
            st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + role);
            st.execute("REVOKE UPDATE, DELETE, TRUNCATE ON " + String.join(", ", APPEND_ONLY) + " FROM " + role);
            st.execute("REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history FROM " + role);
            st.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + role);
            c.commit();
        }
    }
}
