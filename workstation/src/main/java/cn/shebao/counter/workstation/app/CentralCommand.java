package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.central.service.ServiceRole;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.StaffPasswords;
import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.store.DriverDataSource;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code central migrate|seed}: administer the central database. The password comes from $SHEBAO_DB_PASSWORD. */
@Command(name = "central", mixinStandardHelpOptions = true, description = "The central service and its database.",
        subcommands = {CentralCommand.Migrate.class, CentralCommand.GrantService.class, CentralCommand.Seed.class, CentralServiceCommands.InitPki.class,
                CentralServiceCommands.Serve.class, CentralServiceCommands.EnrolmentCode.class, CentralServiceCommands.Revoke.class,
                CentralServiceCommands.AuditStatus.class})
final class CentralCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Connection options shared by the subcommands. */
    static final class Connection {
        @Option(names = "--url", required = true, description = "JDBC URL of the central database (no credentials in it).")
        String url;

        @Option(names = "--user", description = "Database user.")
        String user;

        @Option(names = "--password-env", defaultValue = GenerateCommand.PASSWORD_ENV, paramLabel = "VARIABLE",
                description = "Environment variable holding the password (default ${DEFAULT-VALUE}).")
        String passwordVariable;

        DriverDataSource dataSource() {
            String secret = System.getenv(passwordVariable);
            return DriverDataSource.withCredentials(url, user, secret == null ? null : secret.toCharArray());
        }
    }

    @Command(name = "grant-service", mixinStandardHelpOptions = true,
            description = "As the schema owner: give the service's database role what it needs and nothing more (run after migrate).")
    static final class GrantService implements Callable<Integer> {
        @CommandLine.Mixin
        Connection connection;

        @Option(names = "--role", required = true, description = "The PostgreSQL role the central service logs in as.")
        String role;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws SQLException {
            ServiceRole.grant(connection.dataSource(), role);
            spec.commandLine().getOut().println(Messages.format(Locale.getDefault(), "central.granted", role));
            return 0;
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Create or upgrade the central schema.")
    static final class Migrate implements Callable<Integer> {
        @CommandLine.Mixin
        Connection connection;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            MigrateResult result = Migrations.migrate(connection.dataSource(), Migrations.Role.CENTRAL);
            spec.commandLine().getOut().println(Messages.format(Locale.getDefault(), "central.migrated",
                    result.migrationsExecuted, String.valueOf(result.targetSchemaVersion)));
            return 0;
        }
    }

    /**
     * {@code central seed}: demo persons for a central database, and the staff accounts they refer to. Those accounts
     * get random first passwords, printed once to this terminal and to be changed at first login, because a central
     * filled by this command may well end up serving a real hall; only {@code --demo-staff-passwords} gives them the
     * seed's well-known demo passwords, and says so.
     */
    @Command(name = "seed", mixinStandardHelpOptions = true, description = "Fill an empty central database with demo data.")
    static final class Seed implements Callable<Integer> {
        @CommandLine.Mixin
        Connection connection;

        @Option(names = "--persons", defaultValue = "2000")
        int persons;

        @Option(names = "--seed", defaultValue = "7")
        long seed;

        @Option(names = "--demo-staff-passwords",
                description = "Demo only: give the staff accounts the passwords anyone can derive from the seed, with no "
                        + "forced change (for demonstrations and tests; never for a central that serves a real hall).")
        boolean demoStaffPasswords;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            DriverDataSource ds = connection.dataSource();
            Migrations.migrate(ds, Migrations.Role.CENTRAL);
            PrintWriter out = spec.commandLine().getOut();
            Locale locale = Locale.getDefault();
            StaffPasswords.Issued issued = StaffPasswords.issued();
            try (SessionFactory sessions = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).create(ds)) {
                GenerateCommand.generate(sessions, DemoDataGenerator.Settings.of(seed, persons, LocalDate.now())
                        .withArchive(DemoDataGenerator.CENTRAL_ARCHIVE_MONTHS), demoStaffPasswords ? StaffPasswords.demo() : issued,
                        connection.url, spec.commandLine().getErr(), out, locale);
            }
            if (demoStaffPasswords) {
                out.println(Messages.format(locale, "central.seed.demoPasswords"));
            } else if (issued.handedOut().isEmpty()) {
                out.println(Messages.format(locale, "central.seed.passwords.resumed"));
            } else {
                out.println(Messages.format(locale, "central.seed.passwords.header"));
                for (StaffPasswords.Issued.Password p : issued.handedOut()) {
                    out.println("  " + Messages.format(locale, "central.seed.passwords.row", p.username(), p.displayName(),
                            p.roles().stream().sorted().map(r -> Messages.format(locale, "role." + r.name()))
                                    .collect(Collectors.joining(Messages.format(locale, "list.separator"))),
                            p.password()));
                }
            }
            out.flush();
            return 0;
        }
    }
}
