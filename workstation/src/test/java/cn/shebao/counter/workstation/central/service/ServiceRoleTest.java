package cn.shebao.counter.workstation.central.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.store.DriverDataSource;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.sync.ServiceClient;
import cn.shebao.counter.workstation.testing.TestCentral;
import cn.shebao.counter.workstation.testing.TestPostgres;
import cn.shebao.counter.workstation.wire.ApplyResult;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The central service runs as a role with least privilege on real PostgreSQL: it applies commands, but cannot create
 * or drop a table, and cannot change or remove what records what happened (shipped audit, applied commands, change
 * log); the triggers refuse those changes even to the schema's owner.
 */
class ServiceRoleTest {

    @TempDir
    Path tmp;

    @Test
    void theServiceRoleAppliesCommandsButHasNoDdlAndTheRecordsAreAppendOnlyForEveryone() throws Exception {
        String role = "shebao_svc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String password = UUID.randomUUID().toString();
        try (TestPostgres pg = TestPostgres.createDatabase()) {
            sql(pg.dataSource(), "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
            try {
                Migrations.migrate(pg.dataSource(), Migrations.Role.CENTRAL);
                ServiceRole.grant(pg.dataSource(), role);
                DriverDataSource asService = DriverDataSource.withCredentials(pg.jdbcUrl(), role, password.toCharArray());
                try (TestCentral central = TestCentral.startMigrated(asService, tmp.resolve("pki"))) {
                    ServiceClient window = central.machine("ROLE-01");
                    List<ApplyResult> answers = window.push(List.of(new CommandEnvelope("ROLE-01", 1, UUID.randomUUID(), "AUDIT_EVENT", 1,
                            auditRow("ROLE-01"), null, "clerk1")));
                    assertThat(answers).extracting(ApplyResult::status).containsExactly(ApplyResult.Status.APPLIED);
                }
                assertThatThrownBy(() -> sql(asService, "CREATE TABLE stolen (x INT)")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> sql(asService, "DROP TABLE staff_user")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("must be owner");
                for (String table : ServiceRole.APPEND_ONLY) {
                    assertThatThrownBy(() -> sql(asService, "DELETE FROM " + table)).as("service deletes from %s", table)
                            .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                }
                assertThatThrownBy(() -> sql(asService, "UPDATE shipped_audit_event SET detail = 'x'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                // The owner too: the triggers refuse, whoever asks.
                assertThatThrownBy(() -> sql(pg.dataSource(), "UPDATE shipped_audit_event SET detail = 'rewritten'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
                assertThatThrownBy(() -> sql(pg.dataSource(), "DELETE FROM applied_command"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
                assertThatThrownBy(() -> sql(pg.dataSource(), "TRUNCATE change_log"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
                assertThat(count(pg, "shipped_audit_event")).isEqualTo(1);
            } finally {
                // The role owns nothing; once its grants in this database are gone it can be dropped.
                sql(pg.dataSource(), "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM " + role);
                sql(pg.dataSource(), "REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM " + role);
                sql(pg.dataSource(), "REVOKE ALL ON SCHEMA public FROM " + role);
                sql(pg.dataSource(), "DROP ROLE " + role);
            }
        }
    }

    private static String auditRow(String node) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"workstationCode\":\"" + node + "\",\"sequenceNumber\":1,"
                + "\"occurredAt\":\"2026-12-01T08:00:00Z\",\"actorId\":null,\"actorName\":\"clerk1\",\"actionCode\":\"login.success\","
                + "\"subjectType\":null,\"subjectId\":null,\"purpose\":null,\"detail\":null,"
                + "\"previousHash\":\"" + "0".repeat(64) + "\",\"entryHash\":\"" + "1".repeat(64) + "\"}";
    }

    private static long count(TestPostgres pg, String table) throws SQLException {
        try (Connection c = pg.dataSource().getConnection(); Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sql(javax.sql.DataSource ds, String statement) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
