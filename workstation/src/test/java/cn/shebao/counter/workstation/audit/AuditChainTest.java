package cn.shebao.counter.workstation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditChainTest {

    @TempDir
    Path tmp;
    private Replica replica;
    private AuditLog log;

    @BeforeEach
    void open() {
        replica = Replica.open(new DataDirectory(tmp.resolve("data")),
                new KeyStoreKeyProtector(tmp.resolve("keys"), "pw-for-tests".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE));
        log = new AuditLog(replica.sessions(), Clock.systemUTC(),
                new TimeOrderedIds(Clock.systemUTC(), new SplittableRandom(3)), "W-01");
        UUID clerk = UUID.randomUUID();
        for (int i = 1; i <= 10; i++) {
            log.append(new AuditEntry(clerk, "张三", "record.view", "InsuredPerson", "p-" + i, "WINDOW", "tab=basic"));
        }
    }

    @AfterEach
    void close() throws IOException {
        replica.close();
    }

    @Test
    void untouchedChainVerifies() {
        AuditVerification v = new AuditVerifier(replica.sessions()).verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.rowsChecked()).isEqualTo(10);
    }

    @Test
    void editedRowIsFound() throws SQLException {
        sql("UPDATE audit_event SET purpose = 'INTERNAL' WHERE sequence_number = 5");
        assertThat(new AuditVerifier(replica.sessions()).verify().problems())
                .containsExactly(new AuditVerification.Problem(AuditVerification.Kind.EDITED, 5));
    }

    @Test
    void rowEditedTogetherWithItsOwnHashBreaksTheNextLink() throws SQLException {
        // A careful forger recomputes nothing we can't see: changing the stored hash breaks row 6's link.
        sql("UPDATE audit_event SET entry_hash = '" + "a".repeat(64) + "' WHERE sequence_number = 5");
        assertThat(new AuditVerifier(replica.sessions()).verify().problems()).contains(
                new AuditVerification.Problem(AuditVerification.Kind.EDITED, 5),
                new AuditVerification.Problem(AuditVerification.Kind.BROKEN_LINK, 6));
    }

    @Test
    void deletedRowIsFound() throws SQLException {
        sql("DELETE FROM audit_event WHERE sequence_number = 7");
        assertThat(new AuditVerifier(replica.sessions()).verify().problems()).contains(
                new AuditVerification.Problem(AuditVerification.Kind.MISSING, 7),
                new AuditVerification.Problem(AuditVerification.Kind.BROKEN_LINK, 8));
    }

    @Test
    void deletedNewestRowIsFoundThroughTheHead() throws SQLException {
        sql("DELETE FROM audit_event WHERE sequence_number = 10");
        assertThat(new AuditVerifier(replica.sessions()).verify().problems())
                .containsExactly(new AuditVerification.Problem(AuditVerification.Kind.HEAD_MISMATCH, 10));
    }

    @Test
    void problemsHaveTranslatedMessages() {
        for (AuditVerification.Kind kind : AuditVerification.Kind.values()) {
            assertThat(cn.shebao.counter.workstation.i18n.Messages.format(Locale.SIMPLIFIED_CHINESE,
                    "audit.problem." + kind, 3)).contains("3");
            assertThat(cn.shebao.counter.workstation.i18n.Messages.format(Locale.ENGLISH,
                    "audit.problem." + kind, 3)).contains("3");
        }
    }

    @Test
    void concurrentAppendersNeverShareASequenceNumber() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        log.append(AuditEntry.system("concurrent", null));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        AuditVerification v = new AuditVerifier(replica.sessions()).verify();
        assertThat(v.problems()).isEmpty();
        assertThat(v.rowsChecked()).isEqualTo(110);
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = replica.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
