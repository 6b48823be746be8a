package cn.shebao.counter.workstation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.central.JdbcChangeSource;
import cn.shebao.counter.workstation.central.JdbcSnapshotSource;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.command.ChangeLog;
import cn.shebao.counter.workstation.command.ChangeLogEntry;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A central transaction that takes its change number and then stays open for seconds, while a later one wants
 * to commit and the workstation keeps pulling. With an ordinary sequence the later change would be visible
 * first, the cursor would pass the open one, and its change would be skipped for ever. The locked counter makes
 * the later transaction wait, so sequence order is commit order and nothing is skipped.
 */
class LongTransactionPullTest {

    @TempDir
    Path tmp;

    @Test
    void aLongCentralTransactionDuringPullsMakesNoChangeBeSkipped() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase()) {
            Migrations.migrate(pg.dataSource(), Migrations.Role.CENTRAL);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try (SessionFactory central = CentralSchema.unit(PersistenceUnit.SchemaCheck.VALIDATE).create(pg.dataSource());
                    Replica replica = Replica.open(new DataDirectory(tmp.resolve("data")),
                            new KeyStoreKeyProtector(tmp.resolve("keys"), "long-tx".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE))) {
                new DemoDataGenerator(new DemoDataGenerator.Settings(2026, 20, DemoReplica.AS_OF, 6, 20))
                        .generate(new HibernateDemoSink(central), (d, t, r) -> { });
                new InitialLoad(new JdbcSnapshotSource(pg.dataSource()), replica.dataSource(), 1000).run(p -> { });
                List<UUID> ids = central.fromTransaction(s -> s.createSelectionQuery("select id from InsuredPerson order by id",
                        UUID.class).setMaxResults(2).getResultList());
                ChangeLog log = new ChangeLog(Clock.systemUTC());
                CountDownLatch firstNumbered = new CountDownLatch(1);
                Future<Long> slow = pool.submit(() -> central.fromTransaction(s -> {
                    InsuredPerson p = s.find(InsuredPerson.class, ids.get(0));
                    p.setPhone("13911110000");
                    s.flush();
                    long seq = log.record(s, "insured_person", p.getId(), p.getRowVersion(), ChangeLogEntry.Operation.UPSERT, null)
                            .getSequenceNumber();
                    firstNumbered.countDown();
                    sleep(2500); // a long transaction: numbered, not committed
                    return seq;
                }));
                assertThat(firstNumbered.await(10, TimeUnit.SECONDS)).isTrue();
                Future<Long> quick = pool.submit(() -> central.fromTransaction(s -> {
                    InsuredPerson p = s.find(InsuredPerson.class, ids.get(1));
                    p.setPhone("13922220000");
                    s.flush();
                    return log.record(s, "insured_person", p.getId(), p.getRowVersion(), ChangeLogEntry.Operation.UPSERT, null)
                            .getSequenceNumber();
                }));
                Puller puller = new Puller(new JdbcChangeSource(pg.dataSource()), replica.dataSource(), 10, Clock.systemUTC());
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
                while (System.nanoTime() < until) {
                    puller.pullAll(); // pulling all the while the first transaction is open
                    Thread.sleep(50);
                }
                long first = slow.get(10, TimeUnit.SECONDS);
                long second = quick.get(10, TimeUnit.SECONDS);
                assertThat(second).as("the later commit was numbered after the long one").isEqualTo(first + 1);
                puller.pullAll();
                String firstPhone = replica.sessions().fromTransaction(s -> s.find(InsuredPerson.class, ids.get(0)).getPhone());
                String secondPhone = replica.sessions().fromTransaction(s -> s.find(InsuredPerson.class, ids.get(1)).getPhone());
                assertThat(firstPhone).as("the long transaction's change was not skipped").isEqualTo("13911110000");
                assertThat(secondPhone).isEqualTo("13922220000");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
