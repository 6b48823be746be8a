package cn.shebao.counter.workstation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.demo.DemoBatch;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.DemoDataSink;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: run with {@code scripts/bench.sh} (or {@code mvn -Pbench verify}). Loads N persons
 * with their histories into a fresh encrypted replica through the application's persistence path
 * (Hibernate stateless session) and, in the same run, the same rows through plain JDBC batches into
 * another fresh encrypted replica. Only time spent writing is counted; generating rows is timed apart.
 * Sizes: {@code -Dbench.persons} (default 100000), {@code -Dbench.detailMonths} (default 24).
 */
@Tag("bench")
class ReplicaLoadBenchmark {

    @Test
    void hibernatePathAgainstRawJdbc() throws Exception {
        int persons = Integer.getInteger("bench.persons", 100_000);
        int months = Integer.getInteger("bench.detailMonths", 24);
        DemoDataGenerator.Settings settings = new DemoDataGenerator.Settings(7, persons, LocalDate.of(2026, 11, 1), months, 500);
        DemoDataGenerator.Settings warmup = new DemoDataGenerator.Settings(99, Math.min(2000, persons), LocalDate.of(2026, 11, 1), months, 500);
        Path root = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "target")).toAbsolutePath(), "bench-");

        // Generating alone, timed around the whole run: the part of each load that is not writing.
        Timed generateOnly = new Timed(batch -> { });
        long generateStart = System.nanoTime();
        new DemoDataGenerator(settings).generate(generateOnly, (d, t, r) -> { });
        generateOnly.nanos = System.nanoTime() - generateStart;

        run(root.resolve("warm-jdbc"), warmup, true);
        run(root.resolve("warm-hib"), warmup, false);
        Timed jdbc = run(root.resolve("jdbc"), settings, true);
        Timed hibernate = run(root.resolve("hibernate"), settings, false);

        double ratio = hibernate.rowsPerSecond() / jdbc.rowsPerSecond();
        String table = String.format(Locale.ROOT, """

                | Replica load, %,d persons, %d months of detail | rows | seconds | rows/s |
                |---|---:|---:|---:|
                | baseline: plain JDBC batches (encrypted Derby) | %,d | %.1f | %,.0f |
                | application path: Hibernate stateless session (encrypted Derby) | %,d | %.1f | %,.0f |
                | ratio application / baseline (target >= 0.50) | | | %.2f |
                | (generating the rows in memory, not counted above) | %,d | %.1f | %,.0f |
                """, persons, months, jdbc.rows, jdbc.seconds(), jdbc.rowsPerSecond(), hibernate.rows, hibernate.seconds(),
                hibernate.rowsPerSecond(), ratio, generateOnly.rows, generateOnly.seconds(), generateOnly.rowsPerSecond());
        System.out.println(table);
        Files.writeString(Path.of("target", "bench-replica-load.md"), table);
        assertThat(hibernate.rows).isEqualTo(jdbc.rows).isPositive();
    }

    private static Timed run(Path dir, DemoDataGenerator.Settings settings, boolean rawJdbc) throws Exception {
        try (Replica replica = Replica.open(new DataDirectory(dir.resolve("data")),
                new KeyStoreKeyProtector(dir.resolve("keys"), "bench-only-password".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
            DemoDataSink target = rawJdbc ? new JdbcBatchSink(replica.dataSource(), true) : new HibernateDemoSink(replica.sessions());
            Timed timed = new Timed(target);
            new DemoDataGenerator(settings).generate(timed, (done, total, rows) -> {
                if (done % 10_000 == 0 || done == total) {
                    System.out.printf(Locale.ROOT, "%s %,d/%,d persons, %,d rows, %,.0f rows/s%n",
                            rawJdbc ? "jdbc" : "hibernate", done, total, rows, timed.rowsPerSecond());
                }
            });
            return timed;
        }
    }

    /** Wraps a sink and counts only the time spent inside it. */
    static final class Timed implements DemoDataSink {
        private final DemoDataSink target;
        long nanos;
        long rows;

        Timed(DemoDataSink target) {
            this.target = target;
        }

        @Override
        public void write(DemoBatch batch) {
            long start = System.nanoTime();
            target.write(batch);
            nanos += System.nanoTime() - start;
            rows += batch.rowCount();
        }

        double seconds() {
            return nanos / 1e9;
        }

        double rowsPerSecond() {
            return rows / Math.max(1e-9, seconds());
        }
    }
}
