package cn.shebao.counter.workstation.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.launcher.ShebaoCounter;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.testing.DamagedPages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `store check` through the launcher's path (a JVM of its own): a whole replica passes every table; one flipped byte per
 * page of the contributions table is found and named in words, with the other tables still checked and whole.
 */
class StoreCheckTest {

    @TempDir
    Path tmp;

    @Test
    void aWholeReplicaPassesAndAFlippedBitInTheContributionsIsFoundAndNamed() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(ShebaoCli.run(new String[] {"generate", "--persons", "300", "--seed", "5", "--detail-months", "24",
            "--into", data.toString()})).isZero();

        Check whole = check(data);
        assertThat(whole.exit()).as(whole.out()).isZero();
        assertThat(whole.out()).contains("The local database is whole").contains("Checking table")
                .contains("CONTRIBUTION").doesNotContain("damaged");

        Path container = data.resolve("replica/seg0/c" + Long.toHexString(conglomerateOf(new DataDirectory(data), "CONTRIBUTION")) + ".dat");
        assertThat(Files.size(container)).as("pages past the first 32 KB").isGreaterThan(65536);
        DamagedPages.flipOneBytePerPage(container);

        Check damaged = check(data);
        assertThat(damaged.exit()).as(damaged.out()).isEqualTo(StoreCommand.Check.DAMAGED);
        assertThat(damaged.out()).contains("The local database is damaged: 1 of ")
                .containsPattern("- CONTRIBUTION: a damaged page \\(checksum mismatch, XSDG\\w+\\)")
                .contains("ask IT to restore").doesNotContain("\tat ");
        // The tables after the damaged one were checked too (alphabetically later than CONTRIBUTION).
        assertThat(damaged.out()).contains("INSURED_PERSON");
    }

    @Test
    void thereIsNothingToCheckWithoutAReplicaAndNothingIsCreated() throws Exception {
        Path missing = tmp.resolve("no/such/dir");
        Check refused = check(missing);
        assertThat(refused.exit()).as(refused.out()).isEqualTo(ExistingReplica.NOTHING_THERE);
        assertThat(refused.out()).contains("There is no data directory");
        assertThat(tmp.resolve("no")).doesNotExist();
    }

    private record Check(int exit, String out) {
    }

    private Check check(Path data) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=en", "-Duser.country=US", "-Djava.io.tmpdir=" + Files.createDirectories(tmp.resolve("jvm-tmp")),
                "-Dlogback.configurationFile=" + Path.of(KeyProtection.class.getResource("/logback.xml").toURI()),
                "-cp", System.getProperty("java.class.path"), ShebaoCounter.class.getName(),
                "--demo", "--data-dir", data.toString(), "store", "check").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Check(p.exitValue(), out);
    }

    private static long conglomerateOf(DataDirectory dir, String table) throws Exception {
        try (Replica replica = AppReplica.open(dir, KeyProtection.forWorkstation(dir, true));
                Connection c = replica.dataSource().getConnection(); PreparedStatement q = c.prepareStatement(
                        "SELECT g.conglomeratenumber FROM sys.sysconglomerates g JOIN sys.systables t ON g.tableid = t.tableid "
                                + "WHERE t.tablename = ? AND g.isindex = false")) {
            q.setString(1, table);
            try (ResultSet r = q.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getLong(1);
            }
        }
    }
}
