package cn.shebao.counter.workstation.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** The schema belongs to versioned migrations under {@code db/migration}, never to Hibernate. */
public final class Migrations {

    private Migrations() {
    }

    public static MigrateResult migrate(DataSource dataSource) {
        SqlFlavour flavour = SqlFlavour.of(dataSource);
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(flavour.placeholders())
                // A replica with unknown newer migrations was written by a newer release: refuse, don't guess.
                .validateOnMigrate(true)
                .load()
                .migrate();
    }
}
