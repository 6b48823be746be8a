package cn.shebao.counter.workstation.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The few column types that differ between the replica (Derby) and the central database (PostgreSQL).
 * One set of migrations serves both through Flyway placeholders; the types are the ones Hibernate
 * itself maps UUID and Instant to on each database, so {@code validate} passes on both.
 */
public enum SqlFlavour {
    DERBY(Map.of("uuid", "CHAR(16) FOR BIT DATA", "timestamp", "TIMESTAMP")),
    POSTGRESQL(Map.of("uuid", "UUID", "timestamp", "TIMESTAMP(6) WITH TIME ZONE"));

    private final Map<String, String> placeholders;

    SqlFlavour(Map<String, String> placeholders) {
        this.placeholders = placeholders;
    }

    public Map<String, String> placeholders() {
        return placeholders;
    }

    /** From a JDBC URL, without connecting (a workstation must start while central is unreachable). */
    public static SqlFlavour ofUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:derby:")) {
            return DERBY;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL");
    }

    public static SqlFlavour of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("derby")) {
                return DERBY;
            }
            if (product.contains("postgres")) {
                return POSTGRESQL;
            }
            throw new IllegalArgumentException("unsupported database: " + product);
        } catch (SQLException e) {
            throw DatabaseUnavailable.explain(e, dataSource instanceof DriverDataSource d ? d.url() : null);
        }
    }
}
