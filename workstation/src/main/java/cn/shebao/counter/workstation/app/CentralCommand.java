package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.store.DriverDataSource;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
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
        public Integer call() throws java.sql.SQLException {
            cn.shebao.counter.workstation.central.service.ServiceRole.grant(connection.dataSource(), role);
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

    @Command(name = "seed", mixinStandardHelpOptions = true, description = "Fill an empty central database with demo data.")
    static final class Seed implements Callable<Integer> {
        @CommandLine.Mixin
        Connection connection;

        @Option(names = "--persons", defaultValue = "2000")
        int persons;

        @Option(names = "--seed", defaultValue = "7")
        long seed;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            DriverDataSource ds = connection.dataSource();
            Migrations.migrate(ds, Migrations.Role.CENTRAL);
            PrintWriter out = spec.commandLine().getOut();
            try (SessionFactory sessions = PersistenceUnit.create(ds, PersistenceUnit.SchemaCheck.NONE, Migrations.Role.CENTRAL)) {
                GenerateCommand.generate(sessions, DemoDataGenerator.Settings.of(seed, persons, LocalDate.now())
                        .withArchive(DemoDataGenerator.CENTRAL_ARCHIVE_MONTHS), connection.url,
                        spec.commandLine().getErr(), out, Locale.getDefault());
            }
            return 0;
        }
    }
}
