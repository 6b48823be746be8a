package cn.shebao.counter.workstation.store;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Builds the Hibernate session factory over a data source whose schema the migrations already made. The entity
 * classes are handed in by whoever knows the features ({@code schema.DomainSchema} for a replica,
 * {@code central.CentralSchema} for the central database), so the store depends on no feature.
 */
public final class PersistenceUnit {

    /** What Hibernate does with the schema at start-up; it never creates or alters it. */
    public enum SchemaCheck {
        /** Compare every mapped table and column with the database and fail on a mismatch (tests, self-test). */
        VALIDATE,
        /** Trust the migrations; saves start-up time at the counter. */
        NONE
    }

    static final int JDBC_BATCH_SIZE = 500;

    private final List<Class<?>> entities;
    private final SchemaCheck check;

    public PersistenceUnit(List<Class<?>> entities, SchemaCheck check) {
        if (entities.isEmpty()) {
            throw new IllegalArgumentException("a persistence unit needs at least one entity");
        }
        this.entities = List.copyOf(entities);
        this.check = check;
    }

    public List<Class<?>> entities() {
        return entities;
    }

    public SchemaCheck check() {
        return check;
    }

    /** The same entities with another schema check (the read-only replica skips validation). */
    public PersistenceUnit checking(SchemaCheck other) {
        return new PersistenceUnit(entities, other);
    }

    public SessionFactory create(DataSource dataSource) {
        return build(dataSource, Map.of());
    }

    /**
     * A session factory that boots without touching the database (dialect named, no metadata reads), so a
     * workstation can start while central is unreachable; connections are only made when used.
     */
    public SessionFactory createOffline(DataSource dataSource, String jdbcUrl) {
        String dialect = jdbcUrl.startsWith("jdbc:postgresql:") ? "org.hibernate.dialect.PostgreSQLDialect"
                : "org.hibernate.community.dialect.DerbyDialect";
        return new PersistenceUnit(entities, SchemaCheck.NONE).build(dataSource, Map.of(AvailableSettings.DIALECT, dialect,
                "hibernate.boot.allow_jdbc_metadata_access", false));
    }

    private SessionFactory build(DataSource dataSource, Map<String, Object> extra) {
        HibernatePersistenceConfiguration config = new HibernatePersistenceConfiguration("shebao-counter")
                .managedClasses(entities)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .property(AvailableSettings.PHYSICAL_NAMING_STRATEGY, PhysicalNamingStrategySnakeCaseImpl.class.getName())
                .property(AvailableSettings.HBM2DDL_AUTO, check == SchemaCheck.VALIDATE ? "validate" : "none")
                .property(AvailableSettings.STATEMENT_BATCH_SIZE, JDBC_BATCH_SIZE)
                .property(AvailableSettings.ORDER_INSERTS, true)
                .property(AvailableSettings.ORDER_UPDATES, true)
                .property(AvailableSettings.STATEMENT_FETCH_SIZE, 500)
                .property(AvailableSettings.SHOW_SQL, false);
        extra.forEach(config::property);
        return config.createEntityManagerFactory();
    }
}
