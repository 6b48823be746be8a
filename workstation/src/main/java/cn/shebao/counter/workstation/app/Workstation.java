package cn.shebao.counter.workstation.app;

import cn.shebao.counter.reports.overrides.OverrideRefusal;
import cn.shebao.counter.reports.render.ReportRenderer;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.audit.AuditRetention;
import cn.shebao.counter.workstation.audit.AuditVerifier;
import cn.shebao.counter.workstation.audit.UnusualAccess;
import cn.shebao.counter.workstation.auditview.AccessHistory;
import cn.shebao.counter.workstation.auditview.AccessStatements;
import cn.shebao.counter.workstation.auditview.AuditExport;
import cn.shebao.counter.workstation.auditview.AuditScreen;
import cn.shebao.counter.workstation.auditview.AuditSearch;
import cn.shebao.counter.workstation.auditview.CentreAudit;
import cn.shebao.counter.workstation.certificates.CertificatePrinting;
import cn.shebao.counter.workstation.certificates.DocumentRegister;
import cn.shebao.counter.workstation.certificates.VerifyDocumentScreen;
import cn.shebao.counter.workstation.citizen.CitizenRecords;
import cn.shebao.counter.workstation.citizen.CitizenSearch;
import cn.shebao.counter.workstation.citizen.OlderRecords;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.demo.DemoCentral;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.drugs.ApprovalsScreen;
import cn.shebao.counter.workstation.drugs.DrugApplications;
import cn.shebao.counter.workstation.drugs.DrugCatalogue;
import cn.shebao.counter.workstation.drugs.DrugsScreen;
import cn.shebao.counter.workstation.drugs.SpecifiedDiseases;
import cn.shebao.counter.workstation.identity.CredentialSlips;
import cn.shebao.counter.workstation.identity.IdentityConfirmations;
import cn.shebao.counter.workstation.identity.IdentityPanel;
import cn.shebao.counter.workstation.identity.IdentityScreen;
import cn.shebao.counter.workstation.identity.OnlineCredentials;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.records.LookupScreen;
import cn.shebao.counter.workstation.retirement.RetirementReminders;
import cn.shebao.counter.workstation.screen.Screen;
import cn.shebao.counter.workstation.security.LoginPolicy;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffAccounts;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.staff.PasswordChanges;
import cn.shebao.counter.workstation.staff.StaffAdministration;
import cn.shebao.counter.workstation.staff.StaffScreen;
import cn.shebao.counter.workstation.store.KeyProtector;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.sync.CentralTime;
import cn.shebao.counter.workstation.sync.ConflictQueue;
import cn.shebao.counter.workstation.sync.KeptCentrePolicy;
import cn.shebao.counter.workstation.sync.SyncEngine;
import cn.shebao.counter.workstation.wire.CentrePolicy;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opened workstation: its replica and the services built on it, wired once at start-up and handed
 * to the views explicitly. Opening takes seconds (Derby boot, migrations, Hibernate): call it off the EDT.
 */
public final class Workstation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Workstation.class);

    /** Progress while opening, for the splash: a replica step, demo persons generated, or rows loaded into a table. */
    public record Progress(Replica.Step step, int done, int total, String loadingTable) {
    }

    public static final String DEMO_WORKSTATION_CODE = DemoEnrolment.WORKSTATION_CODE;

    private final WorkstationOptions options;
    private final Replica replica;
    private final CentralTime clock;
    private final AuditLog audit;
    private final StaffAuthenticator authenticator;
    private final StaffAccounts staffAccounts;
    private final PasswordChanges passwordChanges;
    private final StaffAdministration staffAdministration;
    private final ReaderConnection reader;
    private final ReaderStatus readerStatus = new ReaderStatus();
    private final PresentedCards presentedCards = new PresentedCards();
    private final Outbox outbox;
    private final CitizenSearch citizenSearch;
    private final CitizenRecords citizenRecords;
    private final AuditSearch auditSearch;
    private final AuditExport auditExport;
    private final UnusualAccess.Thresholds unusualAccess;
    /** Null when the centre set no retention period: nothing is pruned. */
    private final AuditRetentionSchedule auditRetention;
    /** Not at once: the first minutes after start belong to the clerk's first citizen and to the first sync. */
    private static final Duration RETENTION_FIRST_RUN = Duration.ofMinutes(10);
    private final AuditVerifier auditVerifier;
    private final AccessStatements accessStatements;
    private final RetirementReminders retirementReminders;
    private final DocumentRegister documents;
    private final IdentityConfirmations confirmations;
    private final OnlineCredentials credentials;
    private final CredentialSlips slips;
    private final ConflictQueue conflicts;
    private final DrugCatalogue drugCatalogue;
    private final DrugApplications drugApplications;
    private final SpecifiedDiseases specifiedDiseases;
    private final ReportRenderer reports;
    private final CentralConnection central;
    private final DemoCentral demoCentral;
    private final KeyProtector keys;
    private final KeptCentrePolicy centrePolicy;
    private final ReportsWarmUp warmUp;
    private final CredentialActivation activation;

    private Workstation(WorkstationOptions options, KeyProtector keys, Replica replica, CentralTime clock,
            ReaderConnection reader, DemoCentral demoCentral) {
        this.options = options;
        this.keys = keys;
        this.replica = replica;
        this.clock = clock;
        this.audit = new AuditLog(replica.sessions(), clock, TimeOrderedIds.system(), workstationCode());
        this.centrePolicy = KeptCentrePolicy.open(replica.dataSource(), clock);
        this.authenticator = new StaffAuthenticator(replica.sessions(), new PasswordHasher(), audit, clock,
                () -> LoginPolicy.standard().withLockout(centrePolicy.current().lockoutFailures(), centrePolicy.current().lockout()));
        this.staffAccounts = new StaffAccounts(replica.sessions(), audit);
        this.reader = reader;
        if (reader.problem().isPresent()) {
            readerStatus.misconfigured();
        } else if (reader.configuredReader()) {
            readerStatus.configured(reader.simulator().isPresent());
        }
        reader.start(event -> {
            readerStatus.accept(event);
            presentedCards.accept(event);
        });
        this.reports = new ReportRenderer(CentreTemplates.of(options.directory(),
                WorkstationProperties.read(options.directory().root().resolve(Enrolment.FILE))));
        this.demoCentral = demoCentral;
        this.outbox = new Outbox(replica.sessions(), clock, TimeOrderedIds.system());
        audit.shipTo(outbox); // every audited action also reaches central, in its own transaction's outbox row
        this.central = CentralConnection.open(options.directory(), keys, replica, outbox, clock, centrePolicy).orElse(null);
        this.citizenSearch = new CitizenSearch(replica.sessions());
        this.citizenRecords = new CitizenRecords(replica.sessions(), audit, clock,
                central == null ? OlderRecords.NONE : central.olderRecords());
        this.retirementReminders = new RetirementReminders(replica.sessions());
        // A queued command is pushed at once when online, instead of waiting for the next round.
        Runnable pushSoon = () -> sync().ifPresent(SyncEngine::syncNow);
        this.documents = new DocumentRegister(replica.sessions(), reports, outbox, audit, clock, TimeOrderedIds.system(),
                workstationCode(), pushSoon);
        this.confirmations = new IdentityConfirmations(replica.sessions(), authenticator, outbox, audit, clock,
                TimeOrderedIds.system(), workstationCode());
        SyncGuardrail.Limits localLimits = SyncGuardrail.Limits.read(options.directory().root().resolve(Enrolment.FILE));
        this.credentials = new OnlineCredentials(replica.sessions(), confirmations, new PasswordHasher(), outbox, audit, clock,
                TimeOrderedIds.system(), new SyncGuardrail(replica.dataSource(), outbox, clock, () -> localLimits.within(centrePolicy.current())),
                pushSoon);
        this.slips = new CredentialSlips(reports, clock, workstationCode());
        this.conflicts = new ConflictQueue(replica.sessions(), authenticator, outbox, audit, clock, pushSoon);
        sync().ifPresent(engine -> engine.countConflictsWith(conflicts::openCount));
        this.drugCatalogue = new DrugCatalogue(replica.sessions());
        this.drugApplications = new DrugApplications(replica.sessions(), authenticator, outbox, audit, clock, TimeOrderedIds.system(),
                pushSoon);
        this.specifiedDiseases = new SpecifiedDiseases(replica.sessions(), outbox, audit, clock, TimeOrderedIds.system(), pushSoon);
        this.passwordChanges = new PasswordChanges(replica.sessions(), authenticator, new PasswordHasher(), outbox, audit, clock,
                pushSoon);
        this.staffAdministration = new StaffAdministration(replica.sessions(), authenticator, new PasswordHasher(), outbox, audit,
                clock, TimeOrderedIds.system(), pushSoon);
        // Enrolled: the verification holds the chain against the centre's countersignature with the centre's key too.
        this.auditVerifier = new AuditVerifier(replica.sessions(), NodeIdentity.load(options.directory(), keys).map(identity -> identity.ca().getPublicKey()).orElse(null));
        this.auditSearch = new AuditSearch(replica.sessions(), audit, central == null ? CentreAudit.NONE : central.centreAudit());
        Properties settings = WorkstationProperties.read(options.directory().root().resolve(Enrolment.FILE));
        this.unusualAccess = UnusualAccess.Thresholds.configured(settings,
                key -> LOG.warn("{} in {} cannot be read; the standard value is used", key, Enrolment.FILE));
        this.auditRetention = AuditRetentionSchedule.configured(settings)
                .map(period -> new AuditRetentionSchedule(new AuditRetention(replica.sessions(), clock, period))).orElse(null);
        if (auditRetention != null) {
            auditRetention.start(RETENTION_FIRST_RUN, Duration.ofDays(1));
        }
        this.auditExport = new AuditExport(auditSearch, audit, auditVerifier::headDescription, reports, clock);
        this.accessStatements = new AccessStatements(replica.sessions(),
                central == null ? AccessHistory.NO_OTHER_WINDOWS : central.accessHistory(), clock, workstationCode());
        this.warmUp = ReportsWarmUp.start(reports);
        this.activation = new CredentialActivation(replica.sessions(), this::sync);
    }

    /** A production start needs an enrolled workstation; enrolment creates the replica (sync issue). */
    public static boolean isEnrolled(DataDirectory directory) {
        return directory.hasReplica() && Enrolment.read(directory).isPresent();
    }

    public static Workstation open(WorkstationOptions options, Consumer<Progress> progress) {
        return open(options, Clock.systemDefaultZone(), progress);
    }

    /**
     * @param machineClock the machine's own clock, which the business clock corrects by the offset to central; the
     *     fault soak passes one it can jump forwards and backwards, as a badly set machine clock would
     */
    public static Workstation open(WorkstationOptions options, Clock machineClock, Consumer<Progress> progress) {
        DemoCentral demoCentral = null;
        Replica replica = null;
        try {
            // One protector for the whole start: with a TPM each unseal is a round of TPM commands.
            KeyProtector keys = KeyProtection.forWorkstation(options.directory(), options.demo());
            if (options.demo()) {
                demoCentral = DemoCentral.start(options.directory().root().resolve("central-demo"), options.demoPersons(),
                        DEMO_WORKSTATION_CODE, (done, total) -> progress.accept(new Progress(Replica.Step.READY, done, total, null)));
            }
            replica = AppReplica.open(options.directory(), keys, step -> progress.accept(new Progress(step, 0, 0, null)));
            if (demoCentral != null) {
                DemoEnrolment.prepare(options.directory(), keys, replica, demoCentral, progress);
            }
            ReaderConnection reader = options.demo() ? ReaderConnection.demo(replica.sessions(), machineClock)
                    : ReaderConnection.configured(options.directory().root(), machineClock);
            return new Workstation(options, keys, replica, CentralTime.open(machineClock, replica.dataSource()), reader,
                    demoCentral);
        } catch (IOException | SQLException | RuntimeException e) {
            closeQuietly(replica, demoCentral, e);
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
    }

    private static void closeQuietly(Replica replica, DemoCentral demoCentral, Exception primary) {
        try {
            if (replica != null) {
                replica.close();
            }
            if (demoCentral != null) {
                demoCentral.close();
            }
        } catch (IOException | InterruptedException suppressed) {
            primary.addSuppressed(suppressed);
        }
    }

    public boolean demo() {
        return options.demo();
    }

    /**
     * The centre templates found and refused (unsigned, altered, outside the rules), known once the reports have
     * warmed up; the status bar shows them for as long as they are there.
     */
    public CompletionStage<List<OverrideRefusal>> refusedTemplates() {
        return warmUp.refusedTemplates();
    }

    /** The centre's rules for this window as last received (idle lock maximum, lockout, guardrail). */
    public CentrePolicy centrePolicy() {
        return centrePolicy.current();
    }

    /** True outside demo mode when IT allowed the software key store (no TPM): the status bar keeps saying so. */
    public boolean softwareKeyInUse() {
        return !options.demo() && !keys.osProtected();
    }

    public String workstationCode() {
        return options.demo() ? DEMO_WORKSTATION_CODE
                : Enrolment.read(options.directory()).map(Enrolment::workstationCode).orElse("UNENROLLED");
    }

    /** Demo staff with their demo passwords; empty outside demo mode. */
    public List<DemoDataGenerator.DemoStaff> demoStaff() {
        return options.demo() ? DemoDataGenerator.demoStaff(DemoMode.SEED) : List.of();
    }

    public DataDirectory directory() {
        return options.directory();
    }

    /** The business clock: local time corrected by the offset to central measured at each sync. */
    public CentralTime clock() {
        return clock;
    }

    public AuditLog audit() {
        return audit;
    }

    public StaffAuthenticator authenticator() {
        return authenticator;
    }

    public StaffAccounts staffAccounts() {
        return staffAccounts;
    }

    public PasswordChanges passwordChanges() {
        return passwordChanges;
    }

    /** The background sync engine; empty when the workstation is not enrolled. */
    public Optional<SyncEngine> sync() {
        return Optional.ofNullable(central).map(CentralConnection::engine);
    }

    public CitizenRecords citizenRecords() {
        return citizenRecords;
    }

    public DocumentRegister documents() {
        return documents;
    }

    public IdentityConfirmations confirmations() {
        return confirmations;
    }

    public OnlineCredentials credentials() {
        return credentials;
    }

    public DrugCatalogue drugCatalogue() {
        return drugCatalogue;
    }

    public DrugApplications drugApplications() {
        return drugApplications;
    }

    /** Conflicts central found, replicated here for supervisors. */
    public ConflictQueue conflicts() {
        return conflicts;
    }

    /**
     * The features' screens, one line each; the shell adds its own (sync, settings) and orders them all by function
     * key. Each screen gets exactly the services it uses.
     */
    public List<Screen> screens() {
        CertificatePrinting.Services printing = new CertificatePrinting.Services(documents, citizenRecords, accessStatements, clock);
        return List.of(
                LookupScreen.of(new LookupScreen.Services(citizenSearch, citizenRecords, retirementReminders, printing, clock)),
                IdentityScreen.of(new IdentityPanel.Services(citizenSearch, confirmations, credentials, slips, activation::await,
                        options.demo())),
                DrugsScreen.of(new DrugsScreen.Services(citizenSearch, citizenRecords, drugCatalogue, drugApplications,
                        specifiedDiseases, printing, clock)),
                ApprovalsScreen.of(drugApplications),
                VerifyDocumentScreen.of(documents, clock.getZone()),
                AuditScreen.of(new AuditScreen.Services(auditSearch, auditExport, auditVerifier, unusualAccess, clock.getZone())),
                StaffScreen.of(staffAdministration));
    }

    /** Cards read on the reader, for the views that open the holder's record. */
    public PresentedCards presentedCards() {
        return presentedCards;
    }

    public ReaderConnection reader() {
        return reader;
    }

    /** The card reader's latest state, for the status bar. */
    public ReaderStatus readerStatus() {
        return readerStatus;
    }

    @Override
    public void close() throws IOException {
        try {
            if (auditRetention != null) {
                auditRetention.close();
            }
            reader.close();
            if (central != null) {
                central.close();
            }
            if (demoCentral != null) {
                demoCentral.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            replica.close();
        }
    }
}
