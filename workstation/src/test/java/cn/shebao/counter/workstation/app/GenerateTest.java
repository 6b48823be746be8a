package cn.shebao.counter.workstation.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.testing.DiskLimit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate}: the documented range of persons, and a run that a full disk stopped carried on by the same command
 * to the very rows an uninterrupted run writes (the hardening issue found "Unable to rollback against JDBC Connection"
 * and partial data that blocked every re-run).
 */
class GenerateTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    @TempDir
    Path tmp;

    @Test
    void personsOutsideTheDocumentedRangeAreRefusedInWordsAndNothingIsCreated() {
        Path dir = tmp.resolve("data");
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Locale originalLocale = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(ShebaoCli.run(new String[] {"generate", "--persons", "5", "--into", dir.toString()})).isEqualTo(2);
            assertThat(ShebaoCli.run(new String[] {"generate", "--persons", "1000001", "--into", dir.toString()})).isEqualTo(2);
        } finally {
            System.setErr(originalErr);
            Locale.setDefault(originalLocale);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("参保人数 5 不在 100 到 1,000,000 之间")
                .contains("参保人数 1,000,001 不在");
        assertThat(dir).doesNotExist();
    }

    @Test
    void aRunStoppedByAFullDiskIsContinuedByTheSameCommandToTheRowsOfAnUninterruptedRun() throws Exception {
        DiskLimit.assumeAvailableOrFailInCi();
        DemoDataGenerator.Settings settings = new DemoDataGenerator.Settings(9, 1000, AS_OF, 24, 100);
        Snapshot uninterrupted;
        try (Replica replica = open(tmp.resolve("whole"))) {
            GenerateCommand.generate(replica.sessions(), settings, "whole", quiet(), quiet(), Locale.ENGLISH);
            uninterrupted = Snapshot.of(replica.sessions());
        }

        Path disk = tmp.resolve("disk");
        DiskLimit.mount(disk);
        try (Replica replica = open(disk.resolve("data"))) {
            // The disk fills right after the first batch is committed, from inside the progress report.
            PrintWriter fillingProgress = new PrintWriter(new Writer() {
                private boolean filled;

                @Override
                public void write(char[] chars, int off, int len) {
                }

                @Override
                public void flush() {
                    if (!filled) {
                        filled = true;
                        try {
                            DiskLimit.fill(disk);
                        } catch (java.io.IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }

                @Override
                public void close() {
                }
            });
            assertThatThrownBy(() -> GenerateCommand.generate(replica.sessions(), settings, "disk", fillingProgress, quiet(),
                    Locale.SIMPLIFIED_CHINESE))
                    .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                            .contains("磁盘已满").contains("重新运行"))
                    .satisfies(e -> assertThat(e.toString()).doesNotContain("Unable to rollback"));
            long stored = Snapshot.persons(replica.sessions());
            assertThat(stored).as("whole batches kept, not all of them").isPositive().isLessThan(1000);
            assertThat(stored % 100).isZero();

            DiskLimit.free(disk);
            StringWriter said = new StringWriter();
            DemoDataGenerator.Result result = GenerateCommand.generate(replica.sessions(), settings, "disk", quiet(),
                    new PrintWriter(said), Locale.SIMPLIFIED_CHINESE);
            assertThat(said.toString()).contains("已有 " + stored + " 名参保人").contains("已生成 1,000 名参保人");
            assertThat(result.persons()).isEqualTo(1000);
            assertThat(Snapshot.of(replica.sessions())).isEqualTo(uninterrupted);
        } finally {
            DiskLimit.unmount(disk);
        }
    }

    @Test
    void storedRowsOfOtherSettingsAreNotContinued() throws Exception {
        try (Replica replica = open(tmp.resolve("data"))) {
            SessionFactory sessions = replica.sessions();
            GenerateCommand.generate(sessions, new DemoDataGenerator.Settings(9, 200, AS_OF, 6, 100), "data", quiet(), quiet(),
                    Locale.ENGLISH);
            for (DemoDataGenerator.Settings other : List.of(
                    new DemoDataGenerator.Settings(10, 400, AS_OF, 6, 100), // another seed
                    new DemoDataGenerator.Settings(9, 400, AS_OF, 6, 100), // more persons: more employers, other ids
                    new DemoDataGenerator.Settings(9, 400, AS_OF.plusDays(1), 6, 100), // another day
                    new DemoDataGenerator.Settings(9, 200, AS_OF, 6, 100))) { // finished already
                assertThatThrownBy(() -> GenerateCommand.generate(sessions, other, "data", quiet(), quiet(), Locale.ENGLISH))
                        .as("%s", other)
                        .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.message(Locale.ENGLISH))
                                .contains("already holds 200 insured persons"));
            }
            assertThat(Snapshot.persons(sessions)).isEqualTo(200);
        }
    }

    private static Replica open(Path dir) {
        DataDirectory target = new DataDirectory(dir);
        KeyProtection.record(target, true, null, null);
        return AppReplica.open(target, KeyProtection.forWorkstation(target, true));
    }

    private static PrintWriter quiet() {
        return new PrintWriter(Writer.nullWriter());
    }

    /** What a generated replica holds, compared across runs: every person's id and the rows of every kind. */
    private record Snapshot(List<UUID> personIds, long contributions, long pensions, long reimbursements, long staff) {
        static Snapshot of(SessionFactory sessions) {
            return sessions.fromTransaction(s -> new Snapshot(
                    s.createSelectionQuery("select p.id from InsuredPerson p order by p.id", UUID.class).getResultList(),
                    count(s, "Contribution"), count(s, "PensionPayment"), count(s, "MedicalReimbursement"), count(s, "StaffUser")));
        }

        static long persons(SessionFactory sessions) {
            return sessions.fromTransaction(s -> count(s, "InsuredPerson"));
        }

        private static long count(org.hibernate.Session s, String entity) {
            return s.createSelectionQuery("select count(*) from " + entity, Long.class).getSingleResult();
        }
    }
}
