package cn.shebao.counter.workstation.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * {@code workstation.properties} in the data directory, read as UTF-8: the enrolment (written by it), the sync
 * guardrail's limits and the hall's opening hours (set by the centre's IT staff). No secrets are kept there.
 */
final class WorkstationProperties {

    private WorkstationProperties() {
    }

    /** The file's properties; none when it does not exist yet (a machine not enrolled). */
    static Properties read(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }
}
