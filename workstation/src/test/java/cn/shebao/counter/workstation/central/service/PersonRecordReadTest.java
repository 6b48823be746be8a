package cn.shebao.counter.workstation.central.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.central.PersonRecords;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.sync.ServiceClient;
import cn.shebao.counter.workstation.testing.CentralRows;
import cn.shebao.counter.workstation.testing.TestCentral;
import cn.shebao.counter.workstation.testing.TestPostgres;
import cn.shebao.counter.workstation.wire.CentralUnavailableException;
import cn.shebao.counter.workstation.wire.RowValues;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One person's record read through the real service over mutual TLS against PostgreSQL: a counter reads the older
 * months for an active clerk and a stated purpose, a terminal reads its card holder's whole record by ID number and
 * name; everything else is refused, and every read served (and only those) is recorded at central, append-only.
 */
class PersonRecordReadTest {

    @TempDir
    Path tmp;

    @Test
    void readsAreAuthorisedByMachineKindStaffAndCardAndEveryServedReadIsRecorded() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase(); TestCentral central = TestCentral.start(pg.dataSource(), tmp.resolve("pki"))) {
            CentralRows.seed(pg.dataSource(), new DemoDataGenerator.Settings(2026, 120, LocalDate.of(2026, 11, 1), 6, 60).withArchive(36));
            Retiree retiree = retireeWithArchive(pg);
            UUID clerk = CentralRows.staffId(pg.dataSource(), "chenjing");
            UUID admin = CentralRows.staffId(pg.dataSource(), "admin");
            URI url = URI.create(central.url());
            ServiceClient counter = central.enrolled("WIN-01").at(url);

            Map<String, List<Map<String, Object>>> older = counter.forCounter(clerk, retiree.id(), "WINDOW_WITH_ID", List.of("contribution_archive"));
            assertThat(older).containsOnlyKeys("contribution_archive", "employer");
            assertThat(older.get("contribution_archive")).hasSize(retiree.archivedMonths())
                    .allSatisfy(row -> assertThat(RowValues.toUuid(row.get("person_id"))).isEqualTo(retiree.id()));
            assertThat(recordReads(pg)).containsExactly("WIN-01 COUNTER " + clerk + " WINDOW_WITH_ID contribution_archive");

            assertRefused(() -> counter.forCounter(UUID.randomUUID(), retiree.id(), "WINDOW_WITH_ID", List.of("contribution_archive")),
                    "RECORD_STAFF_NOT_PERMITTED");
            assertRefused(() -> counter.forCounter(admin, retiree.id(), "WINDOW_WITH_ID", List.of("contribution_archive")),
                    "RECORD_STAFF_NOT_PERMITTED"); // an administrator manages accounts, not records
            assertRefused(() -> counter.forCounter(clerk, retiree.id(), "CURIOSITY", List.of("contribution_archive")), "RECORD_PURPOSE");
            assertRefused(() -> counter.forCounter(clerk, UUID.randomUUID(), "WINDOW_WITH_ID", List.of("contribution_archive")),
                    "RECORD_NOT_FOUND");
            assertThatThrownBy(() -> counter.forCounter(clerk, retiree.id(), "WINDOW_WITH_ID", List.of("staff_user")))
                    .isInstanceOf(CentralUnavailableException.class).hasMessageContaining("400");

            ServiceClient kiosk = central.enrolled("KIOSK-01", MachineRegistry.Kind.KIOSK).at(url);
            Map<String, List<Map<String, Object>>> whole = kiosk.forTerminal(retiree.idNumber(), retiree.name(), PersonRecords.PERSON_TABLES);
            assertThat(whole.keySet()).containsAll(PersonRecords.PERSON_TABLES);
            assertThat(whole.get("insured_person")).singleElement()
                    .satisfies(row -> assertThat(RowValues.toUuid(row.get("id"))).isEqualTo(retiree.id()));
            assertThat(whole.get("contribution_archive")).hasSize(retiree.archivedMonths());
            assertThat(whole.get("pension_payment")).isNotEmpty();
            assertRefused(() -> kiosk.forTerminal(retiree.idNumber(), retiree.name() + "某", PersonRecords.PERSON_TABLES), "RECORD_NOT_FOUND");
            // A terminal reads by card only: naming a person by id and a staff member gets it nothing.
            assertThatThrownBy(() -> kiosk.forCounter(clerk, retiree.id(), "WINDOW_WITH_ID", List.of("contribution_archive")))
                    .isInstanceOf(CentralUnavailableException.class).hasMessageContaining("400");
            assertRefused(() -> kiosk.changesAfter(0, 10), "NODE_KIND");
            assertRefused(() -> kiosk.snapshotSequence(), "NODE_KIND");
            assertThat(kiosk.centralNow()).isNotNull();

            ServiceClient hall = central.enrolled("HALL-01", MachineRegistry.Kind.HALL).at(url);
            assertRefused(() -> hall.forTerminal(retiree.idNumber(), retiree.name(), List.of("insured_person")), "NODE_KIND");

            assertThat(recordReads(pg)).containsExactly("WIN-01 COUNTER " + clerk + " WINDOW_WITH_ID contribution_archive",
                    "KIOSK-01 KIOSK null SELF_SERVICE " + String.join(",", PersonRecords.PERSON_TABLES));
            try (Connection c = pg.dataSource().getConnection(); Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM record_read")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
                assertThatThrownBy(() -> st.executeUpdate("UPDATE record_read SET purpose = 'X'")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ServiceClient.ServiceRefusal.class, r -> assertThat(r.code()).isEqualTo(code));
    }

    private record Retiree(UUID id, String idNumber, String name, int archivedMonths) {
    }

    private static Retiree retireeWithArchive(TestPostgres pg) throws SQLException {
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT p.id, p.citizen_id_number, p.name, COUNT(a.id) FROM insured_person p JOIN contribution_archive a ON a.person_id = p.id"
                        + " WHERE p.status = 'RETIRED' AND EXISTS (SELECT 1 FROM pension_payment x WHERE x.person_id = p.id)"
                        + " GROUP BY p.id, p.citizen_id_number, p.name ORDER BY p.id LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).as("a retiree with archived months in the demo data").isTrue();
            return new Retiree(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4));
        }
    }

    private static List<String> recordReads(TestPostgres pg) throws SQLException {
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT node_code, node_kind, staff_id, purpose, tables_read FROM record_read ORDER BY read_at, node_code");
                ResultSet rs = ps.executeQuery()) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getObject(3) + " " + rs.getString(4) + " " + rs.getString(5));
            }
            return rows;
        }
    }
}
