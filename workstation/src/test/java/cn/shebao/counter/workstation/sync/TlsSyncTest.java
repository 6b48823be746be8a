package cn.shebao.counter.workstation.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.central.CommandApplier;
import cn.shebao.counter.workstation.central.CommandHandlers;
import cn.shebao.counter.workstation.central.JdbcChangeSource;
import cn.shebao.counter.workstation.citizen.Employer;
import cn.shebao.counter.workstation.citizen.EmployerStatus;
import cn.shebao.counter.workstation.command.ChangeLog;
import cn.shebao.counter.workstation.command.ChangeLogEntry;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.DriverDataSource;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.TestPostgres;
import cn.shebao.counter.workstation.wire.Payloads;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync over TLS with the server verified (sslmode=verify-full), as a centre should run it: the connection is
 * encrypted, a command goes up, a change comes down; a server whose certificate the CA did not sign is refused.
 */
class TlsSyncTest {

    @TempDir
    Path tmp;

    @Test
    void pushesAndPullsOverVerifiedTlsAndRefusesAnUnknownServer() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase()) {
            Migrations.migrate(pg.dataSource(), Migrations.Role.CENTRAL);
            DriverDataSource tls = DriverDataSource.withCredentials(pg.verifiedTlsUrl(), pg.user(), pg.password());
            try (Connection c = tls.getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("the session is encrypted").isTrue();
            }
            try (SessionFactory central = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).createOffline(tls, pg.verifiedTlsUrl());
                    Replica replica = Replica.open(new DataDirectory(tmp.resolve("data")),
                            new KeyStoreKeyProtector(tmp.resolve("keys"), "tls".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE))) {
                CommandApplier applier = new CommandApplier(central, CommandHandlers.all(Clock.systemUTC()), Clock.systemUTC(),
                        TimeOrderedIds.system());
                applier.register("TLS-01");
                Outbox outbox = new Outbox(replica.sessions(), Clock.systemUTC(), TimeOrderedIds.system());
                replica.sessions().inTransaction(s -> outbox.append(s, CommandType.CONFLICT_RESOLVED,
                        Payloads.write(java.util.Map.of("conflictId", UUID.randomUUID().toString())), UUID.randomUUID(), "t"));
                assertThat(new Pusher(outbox, applier, "TLS-01").push(10).acknowledged()).isEqualTo(1);

                UUID employer = TimeOrderedIds.system().next();
                central.inTransaction(s -> {
                    Employer e = new Employer(employer);
                    e.setCreditCode("91330100MA2TLS0001");
                    e.setName("杭州加密传输测试有限公司");
                    e.setDistrictCode("330106");
                    e.setWorkInjuryRate(new BigDecimal("0.0040"));
                    e.setStatus(EmployerStatus.ACTIVE);
                    e.setRegisteredOn(LocalDate.of(2020, 1, 1));
                    s.persist(e);
                    s.flush();
                    new ChangeLog(Clock.systemUTC()).record(s, "employer", employer, e.getRowVersion(), ChangeLogEntry.Operation.UPSERT,
                            null);
                });
                new Puller(new JdbcChangeSource(tls), replica.dataSource(), 100, Clock.systemUTC()).pullAll();
                assertThat(replica.sessions().fromTransaction(s -> s.find(Employer.class, employer)).getName())
                        .isEqualTo("杭州加密传输测试有限公司");
            }

            // Another CA: the same server is not trusted, so nothing connects (no silent fallback to plain text).
            Path otherCa = tmp.resolve("other-ca.crt");
            Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=not-the-centre", "-keyout", tmp.resolve("other.key").toString(), "-out", otherCa.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            assertThat(p.waitFor()).isZero();
            assertThat(Files.exists(otherCa)).isTrue();
            String wrong = pg.verifiedTlsUrl().replaceAll("sslrootcert=.*$", "sslrootcert=" + otherCa);
            assertThatThrownBy(() -> DriverDataSource.withCredentials(wrong, pg.user(), pg.password()).getConnection().close())
                    .isInstanceOf(SQLException.class);
        }
    }
}
