package cn.shebao.counter.workstation.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.reports.render.ReportRenderer;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.central.CommandApplier;
import cn.shebao.counter.workstation.central.CommandHandlers;
import cn.shebao.counter.workstation.central.JdbcChangeSource;
import cn.shebao.counter.workstation.central.JdbcSnapshotSource;
import cn.shebao.counter.workstation.citizen.AccessPurpose;
import cn.shebao.counter.workstation.citizen.CitizenRecords;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.command.OutboxCommand;
import cn.shebao.counter.workstation.command.OutboxState;
import cn.shebao.counter.workstation.command.SyncConflict;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.sync.InitialLoad;
import cn.shebao.counter.workstation.sync.Puller;
import cn.shebao.counter.workstation.sync.Pusher;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document issued on a workstation reaches the central register on PostgreSQL exactly once, or becomes a conflict. */
class DocumentSyncTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path tmp;
    private static TestPostgres pg;
    private static SessionFactory central;
    private static Replica replica;
    private static CitizenRecords records;
    private static DocumentRegister register;
    private static Outbox outbox;
    private static Pusher pusher;
    private static Puller puller;

    @BeforeAll
    static void centralAndWorkstation() throws Exception {
        pg = TestPostgres.createDatabase();
        Migrations.migrate(pg.dataSource(), Migrations.Role.CENTRAL);
        central = CentralSchema.unit(PersistenceUnit.SchemaCheck.VALIDATE).create(pg.dataSource());
        new DemoDataGenerator(new DemoDataGenerator.Settings(2026, 60, DemoReplica.AS_OF, 12, 60))
                .generate(new HibernateDemoSink(central), (done, total, rows) -> { });
        CommandApplier applier = new CommandApplier(central, CommandHandlers.all(Clock.systemUTC()), Clock.systemUTC(), TimeOrderedIds.system());
        applier.register("SYNC-01");

        replica = Replica.open(new DataDirectory(tmp.resolve("data")), new KeyStoreKeyProtector(tmp.resolve("keys"),
                "document-sync".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE));
        new InitialLoad(new JdbcSnapshotSource(pg.dataSource()), replica.dataSource(), 500).run(p -> { });
        Clock clock = Clock.system(ZONE);
        AuditLog audit = new AuditLog(replica.sessions(), clock, TimeOrderedIds.system(), "SYNC-01");
        outbox = new Outbox(replica.sessions(), clock, TimeOrderedIds.system());
        records = new CitizenRecords(replica.sessions(), audit, clock);
        register = new DocumentRegister(replica.sessions(), new ReportRenderer(), outbox, audit, clock, TimeOrderedIds.system(),
                "SYNC-01", () -> { });
        pusher = new Pusher(outbox, applier, "SYNC-01");
        puller = new Puller(new JdbcChangeSource(pg.dataSource()), replica.dataSource(), 1000, clock);
    }

    @AfterAll
    static void close() throws Exception {
        replica.close();
        central.close();
        pg.close();
    }

    private static DocumentRegister.Issued issue() {
        InsuredPerson p = replica.sessions().fromTransaction(s -> s.createSelectionQuery("from InsuredPerson order by citizenIdNumber",
                InsuredPerson.class).setMaxResults(1).getSingleResult());
        CitizenRecords.Opened opened = records.open(DemoReplica.staff(replica.sessions(), "chenjing"), p.getId(), AccessPurpose.WINDOW_WITH_ID);
        return register.issue(opened.access(), DocumentType.PARTICIPATION_CERTIFICATE,
                stamp -> new CertificateContent(ZONE).certificate(opened.profile(), AccessPurpose.WINDOW_WITH_ID, stamp));
    }

    @Test
    void anIssuedDocumentIsRegisteredCentrallyOnceAndComesBackUnchanged() throws Exception {
        DocumentRegister.Issued issued = issue();
        assertThat(pusher.push(100).complete()).isTrue();
        IssuedDocument there = central.fromTransaction(s -> s.find(IssuedDocument.class, issued.documentId()));
        assertThat(there.getDocumentNumber()).isEqualTo(issued.stamp().number());
        assertThat(there.getContentHash()).isEqualTo(DocumentRegister.sha256(issued.pdf()));
        assertThat(there.getVerificationCode()).isEqualTo(issued.stamp().verificationCode());
        OutboxCommand command = command(issued);
        assertThat(command.getState()).isEqualTo(OutboxState.APPLIED);

        // A second push has nothing to send; the change log brings the row back and the replica keeps it as it was.
        assertThat(pusher.push(100).acknowledged()).isZero();
        puller.pullAll();
        IssuedDocument here = replica.sessions().fromTransaction(s -> s.find(IssuedDocument.class, issued.documentId()));
        assertThat(here.getDocumentNumber()).isEqualTo(issued.stamp().number());
        long registered = central.fromTransaction(s -> s.createSelectionQuery(
                "select count(*) from IssuedDocument where documentNumber = :n", Long.class)
                .setParameter("n", issued.stamp().number()).getSingleResult());
        assertThat(registered).isEqualTo(1L);
    }

    @Test
    void aNumberAlreadyTakenCentrallyBecomesAConflictAndTheQueueMovesOn() {
        DocumentRegister.Issued issued = issue();
        // Another workstation misconfigured with the same code registered the same number first.
        central.inTransaction(s -> {
            IssuedDocument other = new IssuedDocument(TimeOrderedIds.system().next());
            other.setDocumentNumber(issued.stamp().number());
            other.setDocumentType(DocumentType.PARTICIPATION_CERTIFICATE);
            other.setPersonId(replica.sessions().fromTransaction(r -> r.find(IssuedDocument.class, issued.documentId())).getPersonId());
            other.setVerificationCode("ZZZZZZZZ");
            other.setContentHash("0".repeat(64));
            other.setIssuedBy(DemoReplica.clerk().userId());
            other.setIssuedAt(java.time.Instant.now());
            other.setWorkstationCode("SYNC-01");
            s.persist(other);
        });
        DocumentRegister.Issued next = issue();
        Pusher.Report report = pusher.push(100);
        assertThat(report.complete()).isTrue();
        assertThat(command(issued).getState()).isEqualTo(OutboxState.CONFLICT);
        assertThat(command(next).getState()).isEqualTo(OutboxState.APPLIED);
        List<SyncConflict> conflicts = central.fromTransaction(s -> s.createSelectionQuery(
                "from SyncConflict where commandId = :c", SyncConflict.class).setParameter("c", command(issued).getCommandId())
                .getResultList());
        assertThat(conflicts).singleElement().satisfies(c -> assertThat(c.getConflictKind()).isEqualTo("DOCUMENT_NUMBER_TAKEN"));
    }

    private static OutboxCommand command(DocumentRegister.Issued issued) {
        return replica.sessions().fromTransaction(s -> s.createSelectionQuery("from OutboxCommand where subjectId = :id",
                OutboxCommand.class).setParameter("id", issued.documentId()).getSingleResult());
    }
}
