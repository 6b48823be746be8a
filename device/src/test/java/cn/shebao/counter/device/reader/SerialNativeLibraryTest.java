package cn.shebao.counter.device.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class SerialNativeLibraryTest {

    @TempDir
    Path temp;

    @Test
    @EnabledOnOs(OS.LINUX)
    void libraryIsUnpackedIntoTheGivenDirectoryAndLoadedFromThereNotFromTheSharedTempFolder() throws Exception {
        Path root = temp.resolve("data/native");
        Files.createDirectories(root.resolve("2.0.0-old/Linux"));

        List<String> first = probe(root);

        Path library = root.resolve(SerialNativeLibrary.version()).resolve("Linux/x86_64/libjSerialComm.so");
        assertThat(library).isRegularFile();
        assertThat(first).contains("loaded=" + library.toRealPath());
        assertThat(first).anySatisfy(l -> assertThat(l).startsWith("version=" + SerialNativeLibrary.version()));
        assertThat(temp.resolve("tmp/jSerialComm")).doesNotExist();
        assertThat(temp.resolve("home/.jSerialComm")).doesNotExist();
        assertThat(root.resolve("2.0.0-old")).as("an older version's folder is removed").doesNotExist();
        try (var left = Files.list(root)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly(SerialNativeLibrary.version());
        }

        FileTime unpacked = Files.getLastModifiedTime(library);
        Files.setLastModifiedTime(library, FileTime.fromMillis(unpacked.toMillis() - 60_000));
        FileTime marked = Files.getLastModifiedTime(library);
        assertThat(probe(root)).contains("loaded=" + library.toRealPath());
        assertThat(Files.getLastModifiedTime(library)).as("the second start reuses the unpacked library").isEqualTo(marked);
    }

    @Test
    void osFolderNamesMatchTheJar() {
        assertThat(SerialNativeLibrary.osFolder()).isIn("Linux", "Windows", "OSX", "FreeBSD", "OpenBSD", "Solaris");
        assertThat(SerialNativeLibrary.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    private List<String> probe(Path root) throws IOException, InterruptedException {
        Files.createDirectories(temp.resolve("tmp"));
        Files.createDirectories(temp.resolve("home"));
        Path out = temp.resolve("probe.out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temp.resolve("tmp"), "-Duser.home=" + temp.resolve("home"),
                "-cp", System.getProperty("java.class.path"), NativeLibraryProbe.class.getName(), root.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
        return lines;
    }
}
