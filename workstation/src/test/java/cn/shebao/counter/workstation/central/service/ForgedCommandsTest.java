package cn.shebao.counter.workstation.central.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.sync.ServiceClient;
import cn.shebao.counter.workstation.testing.CentralRows;
import cn.shebao.counter.workstation.testing.TestCentral;
import cn.shebao.counter.workstation.testing.TestPostgres;
import cn.shebao.counter.workstation.wire.ApplyResult;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import cn.shebao.counter.workstation.wire.Payloads;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a workstation with a stolen certificate or a patched client could send, sent through the real service:
 * decisions by an unknown person, by a clerk, by the registrant, naming another supervisor than the one acting, or
 * breaking the drug's limit, or naming the right supervisor without that supervisor's signature (none, another
 * person's, one taken from another command). Each is a conflict and central's application row and change log stay as
 * they were.
 */
class ForgedCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void forgedDecisionsAreRefusedAndLeaveCentralUnchanged() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase(); TestCentral central = TestCentral.start(pg.dataSource(), tmp.resolve("pki"))) {
            try (SessionFactory sessions = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).create(pg.dataSource())) {
                new DemoDataGenerator(new DemoDataGenerator.Settings(2026, 300, LocalDate.of(2026, 11, 1), 6, 60))
                        .generate(new HibernateDemoSink(sessions), (d, t, r) -> { });
            }
            UUID clerk = CentralRows.staffId(pg.dataSource(), "chenjing");
            UUID zhaomin = CentralRows.staffId(pg.dataSource(), "zhaomin");
            UUID sunli = CentralRows.staffId(pg.dataSource(), "sunli"); // supervisor and clerk
            UUID application = registeredApplication(pg);
            // sunli registered it (possible: sunli is a clerk too), so sunli may not decide it.
            execute(pg, "UPDATE special_drug_application SET registered_by = ? WHERE id = ?", sunli, application);
            String before = snapshot(pg, application);
            long changesBefore = count(pg, "SELECT COUNT(*) FROM change_log");

            ServiceClient window = central.machine("FORGE-01");
            BigDecimalLimit limit = limitOf(pg, application);
            long sequence = 0;
            Map<String, ApplyResult> answers = new LinkedHashMap<>();
            java.security.PrivateKey zhaominKey = CentralRows.signingKey(pg.dataSource(), "zhaomin", 2026);
            java.security.PrivateKey sunliKey = CentralRows.signingKey(pg.dataSource(), "sunli", 2026);
            UUID stranger = UUID.randomUUID();
            answers.put("unknown decider", push(window, ++sequence, stranger, decision(application, stranger, limit.half())));
            answers.put("clerk as decider", push(window, ++sequence, clerk, decision(application, clerk, limit.half())));
            answers.put("registrant as decider", push(window, CentralRows.signed(envelope(++sequence, sunli,
                    decision(application, sunli, limit.half())), sunli, sunliKey)));
            answers.put("another supervisor named", push(window, ++sequence, zhaomin, decision(application, sunli, limit.half())));
            answers.put("limit broken", push(window, CentralRows.signed(envelope(++sequence, zhaomin,
                    decision(application, zhaomin, limit.twice())), zhaomin, zhaominKey)));
            answers.put("no signature", push(window, ++sequence, zhaomin, decision(application, zhaomin, limit.half())));
            answers.put("another's key", push(window, CentralRows.signed(envelope(++sequence, zhaomin,
                    decision(application, zhaomin, limit.half())), zhaomin, sunliKey)));
            CommandEnvelope signedElsewhere = CentralRows.signed(envelope(99, zhaomin, decision(application, zhaomin, limit.half())),
                    zhaomin, zhaominKey);
            CommandEnvelope moved = envelope(++sequence, zhaomin, decision(application, zhaomin, limit.twice()));
            answers.put("signature moved", push(window, new CommandEnvelope(moved.nodeCode(), moved.sequence(), moved.commandId(),
                    moved.commandType(), 1, moved.payload(), zhaomin, "someone", zhaomin, signedElsewhere.signature())));

            assertThat(answers.get("unknown decider").detail()).isEqualTo("ACTOR_UNKNOWN");
            assertThat(answers.get("clerk as decider").detail()).isEqualTo("ACTOR_NOT_PERMITTED");
            assertThat(answers.get("registrant as decider").detail()).isEqualTo("SELF_DECISION");
            assertThat(answers.get("another supervisor named").detail()).isEqualTo("ACTOR_MISMATCH");
            assertThat(answers.get("limit broken").detail()).isEqualTo("DECISION_INVALID");
            assertThat(answers.get("no signature").detail()).isEqualTo("SIGNATURE_MISSING");
            assertThat(answers.get("another's key").detail()).isEqualTo("SIGNATURE_INVALID");
            assertThat(answers.get("signature moved").detail()).isEqualTo("SIGNATURE_INVALID");
            assertThat(answers.values()).extracting(ApplyResult::status).containsOnly(ApplyResult.Status.CONFLICT);
            assertThat(snapshot(pg, application)).as("the application at central").isEqualTo(before);
            // Only the conflicts themselves were logged for the supervisors' queue, nothing about the application.
            assertThat(count(pg, "SELECT COUNT(*) FROM change_log WHERE table_name = 'special_drug_application'"
                    + " AND sequence_number > " + changesBefore)).isZero();

            // The test can see a change: a proper decision by another supervisor applies and changes the row.
            ApplyResult proper = push(window, CentralRows.signed(envelope(++sequence, zhaomin,
                    decision(application, zhaomin, limit.half())), zhaomin, zhaominKey));
            assertThat(proper.status()).isEqualTo(ApplyResult.Status.APPLIED);
            assertThat(snapshot(pg, application)).isNotEqualTo(before).contains("APPROVED").contains(zhaomin.toString());
        }
    }

    private record BigDecimalLimit(java.math.BigDecimal value) {
        String half() {
            return value.divide(java.math.BigDecimal.valueOf(2)).toPlainString();
        }

        String twice() {
            return value.multiply(java.math.BigDecimal.valueOf(2)).toPlainString();
        }
    }

    private static ApplyResult push(ServiceClient window, long sequence, UUID actor, String payload) {
        return push(window, envelope(sequence, actor, payload));
    }

    private static CommandEnvelope envelope(long sequence, UUID actor, String payload) {
        return new CommandEnvelope("FORGE-01", sequence, UUID.randomUUID(), "DRUG_APPLICATION_DECIDED", 1, payload, actor, "someone");
    }

    private static ApplyResult push(ServiceClient window, CommandEnvelope command) {
        List<ApplyResult> results = window.push(List.of(command));
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private static String decision(UUID application, UUID decidedBy, String limit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applicationId", application.toString());
        m.put("decision", "APPROVED");
        m.put("decidedBy", decidedBy.toString());
        m.put("decidedAt", Instant.now().toString());
        m.put("approvedFrom", "2026-12-01");
        m.put("approvedTo", "2027-05-31");
        m.put("approvedLimit", limit);
        return Payloads.write(m);
    }

    private static UUID registeredApplication(TestPostgres pg) throws SQLException {
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM special_drug_application WHERE status = 'REGISTERED' ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).as("a registered application in the demo data").isTrue();
            return rs.getObject(1, UUID.class);
        }
    }

    private static BigDecimalLimit limitOf(TestPostgres pg, UUID application) throws SQLException {
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT d.reimbursement_limit FROM special_drug d JOIN special_drug_application a ON a.drug_id = d.id WHERE a.id = ?")) {
            ps.setObject(1, application);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new BigDecimalLimit(rs.getBigDecimal(1));
            }
        }
    }

    /** Every column of the application row, as text. */
    private static String snapshot(TestPostgres pg, UUID application) throws SQLException {
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM special_drug_application WHERE id = ?")) {
            ps.setObject(1, application);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getObject(i)).append(';');
                }
                return row.toString();
            }
        }
    }

    private static long count(TestPostgres pg, String sql) throws SQLException {
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(TestPostgres pg, String sql, Object... args) throws SQLException {
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
