package cn.shebao.counter.workstation.store;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
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

        private final List<String> locations;

        Role(String... locations) {
            this.locations = List.of(locations);
        }
    }

    /**
     * Which migrations to apply. Production always uses a role's own, to the newest; upgrade tests build a
     * replica of an older release with {@link #upTo} and make a migration fail with {@link #with}.
     *
     * @param target the last version to apply, or null for all
     */
    public record Plan(Role role, List<String> extraLocations, String target) {

        public Plan {
            extraLocations = List.copyOf(extraLocations);
        }

        public static Plan of(Role role) {
            return new Plan(role, List.of(), null);
        }

        public Plan upTo(String version) {
            return new Plan(role, extraLocations, version);
        }

        public Plan with(String location) {
            List<String> more = new ArrayList<>(extraLocations);
            more.add(location);
            return new Plan(role, more, target);
        }
    }

    private static final String POSTGRESQL_CENTRAL = "classpath:db/central-postgresql";

    private Migrations() {
    }

    /** The replica's schema (also what the generator and tests use for a plain domain database). */
    public static MigrateResult migrate(DataSource dataSource) {
        return migrate(dataSource, Role.REPLICA);
    }

    public static MigrateResult migrate(DataSource dataSource, Role role) {
        return flyway(dataSource, Plan.of(role)).migrate();
    }

    public static Flyway flyway(DataSource dataSource, Plan plan) {
        SqlFlavour flavour = SqlFlavour.of(dataSource);
        List<String> locations = new ArrayList<>(plan.role().locations);
        if (plan.role() == Role.CENTRAL && flavour == SqlFlavour.POSTGRESQL) {
            locations.add(POSTGRESQL_CENTRAL); // what only PostgreSQL can hold (partial unique indexes)
        }
        locations.addAll(plan.extraLocations());
        FluentConfiguration config = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .placeholders(flavour.placeholders())
                // A replica with unknown newer migrations was written by a newer release: refuse, don't guess.
                .validateOnMigrate(true);
        if (plan.target() != null) {
            config.target(plan.target());
        }
        return config.load();
    }
}
