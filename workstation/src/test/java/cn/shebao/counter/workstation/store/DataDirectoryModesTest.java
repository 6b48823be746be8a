package cn.shebao.counter.workstation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.platform.FilePermissions;
import cn.shebao.counter.workstation.schema.DomainSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a start nothing in the data directory can be read by another account, whatever was there before. */
class DataDirectoryModesTest {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @TempDir
    Path tmp;

    @Test
    void everyFileAndFolderIsOwnerOnlyAfterTheReplicaOpens() throws Exception {
        Path root = tmp.resolve("data");
        // As an older version, a restore or a careless copy left it: readable by everyone.
        Files.createDirectories(root.resolve("logs"));
        Files.writeString(root.resolve("workstation.properties"), "workstation.code=HZ-XH-01\n", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("logs/shebao-counter.log"), "an old log\n", StandardCharsets.UTF_8);
        for (Path p : List.of(root, root.resolve("logs"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(root.resolve("workstation.properties"), PosixFilePermissions.fromString("rw-r--r--"));
        DataDirectory dir = new DataDirectory(root);

        try (Replica replica = Replica.open(dir, KeyStoreKeyProtector.forMachine(dir.keys()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
            assertThat(replica.wasCreated()).isTrue();
            List<Path> all;
            try (Stream<Path> walk = Files.walk(root)) {
                all = walk.filter(p -> !Files.isSymbolicLink(p)).toList();
            }
            assertThat(all).as("the replica's own files are among them").anyMatch(p -> p.startsWith(dir.replica().resolve("seg0")));
            for (Path p : all) {
                assertThat(Files.getPosixFilePermissions(p)).as("mode of %s", p).doesNotContainAnyElementsOf(OTHERS);
            }
        }
    }

    @Test
    void aParentOthersCanWriteIsNamedUnlessItIsSticky() throws Exception {
        Path shared = tmp.resolve("shared");
        Files.createDirectories(shared.resolve("data"));
        chmod("0777", shared);
        assertThat(FilePermissions.parentsOthersCanReplace(shared.resolve("data"))).contains(shared);
        chmod("1777", shared); // as /tmp: others cannot rename what they do not own
        assertThat(FilePermissions.parentsOthersCanReplace(shared.resolve("data"))).doesNotContain(shared);
        chmod("0755", shared);
        assertThat(FilePermissions.parentsOthersCanReplace(shared.resolve("data"))).doesNotContain(shared);
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsNamedInWords() throws Exception {
        Path underAFile = tmp.resolve("a-file");
        Files.writeString(underAFile, "x");
        assertThatThrownBy(() -> new DataDirectory(underAFile.resolve("data")).create())
                .isInstanceOfSatisfying(LocalizedException.class, e -> {
                    assertThat(e.key()).isEqualTo("app.error.dataDirUnusable");
                    assertThat(e.message(Locale.ENGLISH)).contains(underAFile.resolve("data").toString())
                            .contains("Check disk space and permissions");
                });
        // A read-only disk (root ignores permission bits, so a read-only mount is what really refuses it).
        Path readOnly = tmp.resolve("read-only");
        Files.createDirectories(readOnly);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", readOnly.toString())
                .redirectErrorStream(true).start();
        boolean mounted = mount.waitFor() == 0;
        if (System.getenv("CI") != null) {
            assertThat(mounted).as("CI runs as root and can mount a read-only tmpfs").isTrue();
        }
        // Deliberate: a developer's machine without the tool or root rights skips with the reason; CI (.ci/run exports CI)
        // installs the tools and runs as root, and the assertion just above makes the test fail there instead of skipping.
        org.junit.jupiter.api.Assumptions.assumeTrue(mounted, "mounting needs root");
        try {
            assertThatThrownBy(() -> new DataDirectory(readOnly.resolve("data")).create())
                    .isInstanceOfSatisfying(LocalizedException.class, e -> {
                        assertThat(e.key()).isEqualTo("app.error.dataDirReadOnly");
                        assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("无法写入").contains("--data-dir");
                    });
            assertThat(readOnly.resolve("data")).doesNotExist();
        } finally {
            assertThat(new ProcessBuilder("umount", readOnly.toString()).start().waitFor()).isZero();
        }
    }

    private static void chmod(String mode, Path p) throws Exception {
        Process chmod = new ProcessBuilder("chmod", mode, p.toString()).redirectErrorStream(true).start();
        assertThat(chmod.waitFor()).as(new String(chmod.getInputStream().readAllBytes())).isZero();
    }
}
