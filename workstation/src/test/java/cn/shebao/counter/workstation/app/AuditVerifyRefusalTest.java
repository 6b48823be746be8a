package cn.shebao.counter.workstation.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.launcher.ShebaoCounter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `audit verify` where there is nothing to verify, through the installed launcher's path (a JVM of its own, its logging
 * and native-library set-up included): it says so, exits 4, and creates nothing anywhere, not even the directory.
 */
class AuditVerifyRefusalTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingEmptyMistypedOrNotEnrolledDirectoryIsRefusedAndNothingIsCreated() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path mistyped = Files.createDirectories(tmp.resolve("Documents"));
        Files.writeString(mistyped.resolve("notes.txt"), "not a data directory\n");
        Path generated = tmp.resolve("generated");
        assertThat(ShebaoCli.run(new String[] {"generate", "--persons", "100", "--seed", "3", "--detail-months", "3",
            "--into", generated.toString()})).isZero();
        Path missing = tmp.resolve("no/such/dir");

        Map<String, String> cases = Map.of(missing.toString(), "There is no data directory", empty.toString(),
                "holds no local database", mistyped.toString(), "holds no local database", generated.toString(),
                "is not an enrolled workstation's");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Map<Path, String> before = snapshot(tmp);
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.language=en", "-Duser.country=US", "-Djava.io.tmpdir=" + Files.createDirectories(tmp.resolve("jvm-tmp")),
                    "-Dlogback.configurationFile=" + Path.of(KeyProtection.class.getResource("/logback.xml").toURI()),
                    "-cp", System.getProperty("java.class.path"), ShebaoCounter.class.getName(),
                    "--data-dir", c.getKey(), "audit", "verify").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isEqualTo(4);
            assertThat(out).contains(c.getValue()).contains(c.getKey()).doesNotContain("intact").doesNotContain("\tat ");
            Map<Path, String> after = snapshot(tmp);
            after.keySet().removeIf(f -> f.startsWith(tmp.resolve("jvm-tmp"))); // the JVM's own scratch and the fallback log
            before.keySet().removeIf(f -> f.startsWith(tmp.resolve("jvm-tmp")));
            assertThat(after).as("nothing created or changed for %s", c.getKey()).isEqualTo(before);
        }
        assertThat(tmp.resolve("no")).doesNotExist();
    }

    /** Every path below {@code root} with its size and modification time. */
    private static Map<Path, String> snapshot(Path root) throws IOException {
        Map<Path, String> state = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                state.put(p, Files.isDirectory(p) ? "dir" : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return state;
    }
}
