package cn.shebao.counter.workstation.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema belongs to versioned migrations, never to Hibernate: {@code db/migration} holds what the replica
 * and the central database share (the domain), {@code db/replica} and {@code db/central} what only one needs.
 */
public final class Migrations {

    /** Which database a schema is for. */
    public enum Role {
        REPLICA("classpath:db/migration", "classpath:db/replica"),
        CENTRAL("classpath:db/migration", "classpath:db/central");

        private final String[] locations;

        Role(String... locations) {
            this.locations = locations;
        }
    }

    private Migrations() {
    }

    /** The replica's schema (also what the generator and tests use for a plain domain database). */
    public static MigrateResult migrate(DataSource dataSource) {
        return migrate(dataSource, Role.REPLICA);
    }

    public static MigrateResult migrate(DataSource dataSource, Role role) {
        SqlFlavour flavour = SqlFlavour.of(dataSource);
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(role.locations)
                .placeholders(flavour.placeholders())
                // A replica with unknown newer migrations was written by a newer release: refuse, don't guess.
                .validateOnMigrate(true)
                .load()
                .migrate();
    }
}
