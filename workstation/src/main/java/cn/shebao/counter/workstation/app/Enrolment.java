package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.platform.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What enrolment recorded about this workstation: its code and the central service's address. Kept in
 * {@code workstation.properties}; the machine's key and certificate are in {@code keys/} (see {@link NodeIdentity}).
 */
public record Enrolment(String workstationCode, String serviceUrl) {

    static final String FILE = "workstation.properties";

    public static Optional<Enrolment> read(DataDirectory dir) {
        Path file = dir.root().resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = WorkstationProperties.read(file);
        String code = p.getProperty("workstation.code");
        // The IT staff may set the hall's hours in the file before the machine is enrolled: no code, no enrolment.
        return code == null || code.isBlank() ? Optional.empty() : Optional.of(new Enrolment(code, p.getProperty("central.service")));
    }

    /** Sets the enrolment in the file and keeps whatever else the IT staff put there (the hall's hours, the limits). */
    void write(DataDirectory dir) {
        Properties p = WorkstationProperties.read(dir.root().resolve(FILE));
        p.setProperty("workstation.code", workstationCode);
        p.setProperty("central.service", serviceUrl);
        try (Writer out = Files.newBufferedWriter(dir.root().resolve(FILE), StandardCharsets.UTF_8)) {
            p.store(out, "Shebao Counter enrolment (no secrets here: the machine's key and certificate are in keys/)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
