package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.demo.StaffPasswords;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.store.DiskFull;
import cn.shebao.counter.workstation.store.DriverDataSource;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hibernate.SessionFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code generate}: fills a replica or a database with deterministic synthetic data, showing progress. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Fill an encrypted replica (a data directory) or a database (a JDBC URL) with deterministic "
                + "synthetic insured persons and their histories. For demos, tests and benchmarks only.")
final class GenerateCommand implements Callable<Integer> {

    static final String PASSWORD_ENV = "SHEBAO_DB_PASSWORD";

    @ParentCommand
    ShebaoCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--persons", defaultValue = "2000", description = "Insured persons, 100 to 1,000,000 (default ${DEFAULT-VALUE}).")
    int persons;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed; the same seed gives the same data (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--as-of", description = "The generator's 'today' (default: today). Fix it to repeat a data set exactly.")
    LocalDate asOf;

    @Option(names = "--detail-months", defaultValue = "24", description = "Months of monthly detail per person (default ${DEFAULT-VALUE}).")
    int detailMonths;

    @Option(names = "--into", required = true, paramLabel = "DIR|JDBC-URL",
            description = "A data directory (its encrypted replica is created if needed) or a JDBC URL such as "
                    + "jdbc:postgresql://host/db. Credentials never go in the URL: use --user and $" + PASSWORD_ENV + ".")
    String into;

    @Option(names = "--user", description = "Database user for a JDBC URL.")
    String user;

    @Option(names = "--show-demo-passwords", description = "Print the demo staff passwords (demo data only).")
    boolean showDemoPasswords;

    /** The documented range: fewer than 100 persons leave whole screens (arrears, retirees by card) without a case. */
    static final int MIN_PERSONS = 100;
    static final int MAX_PERSONS = 1_000_000;

    @Override
    public Integer call() throws Exception {
        Locale locale = Locale.getDefault();
        if (persons < MIN_PERSONS || persons > MAX_PERSONS) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    Messages.format(locale, "generate.error.persons", persons, MIN_PERSONS, MAX_PERSONS));
        }
        DemoDataGenerator.Settings settings = new DemoDataGenerator.Settings(seed, persons,
                asOf == null ? LocalDate.now() : asOf, detailMonths, 500);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (into.startsWith("jdbc:")) {
            String secret = System.getenv(PASSWORD_ENV);
            DriverDataSource ds = DriverDataSource.withCredentials(into, user, secret == null ? null : secret.toCharArray());
            // A JDBC target is a central database (or a copy of one): it gets the central schema.
            Migrations.migrate(ds, Migrations.Role.CENTRAL);
            try (SessionFactory sessions = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).create(ds)) {
                generate(sessions, settings.withArchive(DemoDataGenerator.CENTRAL_ARCHIVE_MONTHS), into, err, out, locale);
            }
        } else {
            DataDirectory target = new DataDirectory(Path.of(into));
            // Generated people only: a new directory of them is a demo directory, and its settings say that its key is
            // in the software store. An existing one keeps its settings (generating into it is refused below anyway).
            if (!target.hasReplica()) {
                KeyProtection.record(target, true, null, null);
            }
            try (Replica replica = AppReplica.open(target, KeyProtection.forWorkstation(target, true))) {
                generate(replica.sessions(), settings, target.root().toString(), err, out, locale);
            }
        }
        if (showDemoPasswords) {
            DemoMode.printDemoStaff(out, locale, seed);
        }
        return 0;
    }

    /**
     * Generates into an empty target, or carries on a run of the same settings that stopped part way (a full disk, a
     * killed process): the same command again continues after the last whole batch instead of refusing the target.
     */
    static DemoDataGenerator.Result generate(SessionFactory sessions, DemoDataGenerator.Settings settings, String where,
            PrintWriter progressOut, PrintWriter out, Locale locale) {
        return generate(sessions, settings, StaffPasswords.demo(), where, progressOut, out, locale);
    }

    static DemoDataGenerator.Result generate(SessionFactory sessions, DemoDataGenerator.Settings settings,
            StaffPasswords passwords, String where, PrintWriter progressOut, PrintWriter out, Locale locale) {
        long existing = sessions.fromTransaction(s -> s.createSelectionQuery("select count(*) from InsuredPerson", Long.class)
                .getSingleResult());
        long start = System.nanoTime();
        DemoDataGenerator generator = new DemoDataGenerator(settings, passwords);
        HibernateDemoSink sink = new HibernateDemoSink(sessions);
        DemoDataGenerator.Progress progress = (done, total, rows) -> {
            double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
            progressOut.print("\r" + Messages.format(locale, "generate.progress", done, total, Math.round(done / seconds)));
            progressOut.flush();
        };
        DemoDataGenerator.Result result;
        try {
            if (existing == 0) {
                result = generator.generate(sink, progress);
            } else {
                if (existing < settings.persons()) {
                    out.println(Messages.format(locale, "generate.resuming", existing, where));
                }
                result = generator.resume(sink, sink, Math.toIntExact(existing), progress);
            }
        } catch (DemoDataGenerator.NotThisRun e) {
            throw new LocalizedException(e, "generate.error.notEmpty", where, existing);
        } catch (RuntimeException e) {
            if (DiskFull.causedBy(e)) {
                progressOut.println();
                throw new LocalizedException(e, "generate.error.diskFull", where);
            }
            throw e;
        }
        progressOut.println();
        new AuditLog(sessions, Clock.systemUTC(), TimeOrderedIds.system(), "GENERATOR").append(AuditEntry.system(
                "demo.generate", "persons=" + result.persons() + " rows=" + result.rows() + " seed=" + settings.seed()));
        out.println(Messages.format(locale, "generate.done", result.persons(),
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9), where));
        return result;
    }
}
