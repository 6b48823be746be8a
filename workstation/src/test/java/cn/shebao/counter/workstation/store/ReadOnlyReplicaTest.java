package cn.shebao.counter.workstation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.app.ShebaoCli;
import cn.shebao.counter.workstation.audit.AuditVerifier;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.testing.OlderReplica;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What audit verify opens: a replica it can read and cannot change, and one it will not upgrade. */
class ReadOnlyReplicaTest {

    @TempDir
    Path tmp;

    @Test
    void everyWriteIsRefusedWhileTheChainStillVerifies() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(ShebaoCli.run(new String[] {"generate", "--persons", "100", "--seed", "3", "--detail-months", "6",
            "--into", data.toString()})).isZero();
        DataDirectory dir = new DataDirectory(data);
        try (Replica replica = Replica.openReadOnly(dir, KeyStoreKeyProtector.forMachine(dir.keys()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
            assertThat(new AuditVerifier(replica.sessions(), null).verify().intact()).isTrue();
            assertThatThrownBy(() -> {
                try (Connection c = replica.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM audit_event");
                }
            }).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25502"));
            assertThatThrownBy(() -> replica.sessions().inTransaction(s ->
                    s.createMutationQuery("delete from InsuredPerson").executeUpdate())).hasMessageContaining("read-only");
            long persons = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                    "select count(*) from InsuredPerson", Long.class).getSingleResult());
            assertThat(persons).isEqualTo(100);
        }
    }

    @Test
    void aReplicaThatNeedsAnUpgradeIsRefusedNotUpgraded() throws Exception {
        DataDirectory dir = new DataDirectory(tmp.resolve("older"));
        KeyStoreKeyProtector keys = KeyStoreKeyProtector.forMachine(dir.keys());
        OlderReplica.create(dir, keys, OlderReplica.OLDER_VERSION, 100);

        assertThatThrownBy(() -> Replica.openReadOnly(dir, keys, DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))).isInstanceOfSatisfying(LocalizedException.class,
                e -> assertThat(e.key()).isEqualTo("replica.error.readOnlyNeedsUpgrade"));

        assertThat(ReplicaUpgrade.list(dir.backups())).as("no pre-upgrade backup: nothing was upgraded").isEmpty();
        assertThat(Replica.inspect(dir, keys).orElseThrow().schemaVersion()).isEqualTo(OlderReplica.OLDER_VERSION);
    }
}
