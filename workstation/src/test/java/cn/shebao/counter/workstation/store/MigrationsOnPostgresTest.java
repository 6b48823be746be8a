package cn.shebao.counter.workstation.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.audit.AuditVerifier;
import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.time.Clock;
import java.util.SplittableRandom;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared domain migrations plus the central ones build the central schema on PostgreSQL and validate there. */
class MigrationsOnPostgresTest {

    private static TestPostgres pg;
    private static SessionFactory sessions;
    private static MigrateResult migration;

    @BeforeAll
    static void migrateAndValidate() {
        pg = TestPostgres.createDatabase();
        migration = Migrations.migrate(pg.dataSource(), Migrations.Role.CENTRAL);
        // VALIDATE makes Hibernate compare every mapped column with the migrated schema and fail on a mismatch.
        sessions = CentralSchema.unit(PersistenceUnit.SchemaCheck.VALIDATE).create(pg.dataSource());
    }

    @AfterAll
    static void drop() {
        if (sessions != null) {
            sessions.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void allMigrationsApplyAndTheFlavourIsPostgres() {
        assertThat(migration.success).isTrue();
        assertThat(migration.migrationsExecuted).isGreaterThanOrEqualTo(2);
        assertThat(SqlFlavour.of(pg.dataSource())).isEqualTo(SqlFlavour.POSTGRESQL);
        // Running again is a no-op: the schema history is respected.
        assertThat(Migrations.migrate(pg.dataSource(), Migrations.Role.CENTRAL).migrationsExecuted).isZero();
    }

    @Test
    void entitiesRoundTripIncludingChineseNames() {
        InsuredPerson p = ReplicaTest.person("330106196107293218", "司马玥昇");
        sessions.inTransaction(s -> s.persist(p));
        InsuredPerson read = sessions.fromTransaction(s -> s.find(InsuredPerson.class, p.getId()));
        assertThat(read.getName()).isEqualTo("司马玥昇");
        assertThat(read.getBirthDate()).isEqualTo(p.getBirthDate());
    }

    @Test
    void demoDataLoadsThroughTheApplicationPathIntoPostgres() {
        var settings = new cn.shebao.counter.workstation.demo.DemoDataGenerator.Settings(9, 150, java.time.LocalDate.of(2026, 11, 1), 6, 50);
        var result = new cn.shebao.counter.workstation.demo.DemoDataGenerator(settings)
                .generate(new cn.shebao.counter.workstation.demo.HibernateDemoSink(sessions), (d, t, r) -> { });
        long contributions = sessions.fromTransaction(s -> s.createSelectionQuery("select count(*) from Contribution", Long.class).getSingleResult());
        long staff = sessions.fromTransaction(s -> s.createSelectionQuery("select count(*) from StaffUser", Long.class).getSingleResult());
        assertThat(result.persons()).isEqualTo(150);
        assertThat(contributions).isPositive();
        assertThat(staff).isEqualTo(6);
    }

    @Test
    void auditChainHashesSurviveThePostgresRoundTrip() {
        AuditLog log = new AuditLog(sessions, Clock.systemUTC(), new TimeOrderedIds(Clock.systemUTC(),
                new SplittableRandom(1)), "PG-TEST");
        for (int i = 0; i < 5; i++) {
            log.append(AuditEntry.system("test.append", "entry " + i));
        }
        var result = new AuditVerifier(sessions).verify();
        assertThat(result.problems()).isEmpty();
        assertThat(result.rowsChecked()).isEqualTo(5);
    }
}
