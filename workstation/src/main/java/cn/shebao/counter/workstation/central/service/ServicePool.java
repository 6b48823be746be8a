package cn.shebao.counter.workstation.central.service;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * The service's connections to the central database: a bounded pool (HikariCP). Under load a request waits for a
 * free connection instead of opening one more: fifty workstations pushing at once through an unbounded pool spent
 * their time opening and closing PostgreSQL connections (a server process and authentication each).
 */
public final class ServicePool {

    private ServicePool() {
    }

    public static HikariDataSource of(DataSource database, int maximum) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(database);
        config.setPoolName("central-database");
        config.setMaximumPoolSize(maximum);
        config.setMinimumIdle(Math.min(2, maximum));
        config.setConnectionTimeout(10_000); // a request waits this long for a connection, then answers 503
        config.setValidationTimeout(2_000);
        config.setAutoCommit(true);
        // Started without the database: the service comes up, says "not ready" and serves once the database answers.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
