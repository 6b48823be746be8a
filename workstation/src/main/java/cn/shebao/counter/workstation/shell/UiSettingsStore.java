package cn.shebao.counter.workstation.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link UiSettings} in {@code ui.properties} in the data directory (not in java.util.prefs):
 * the settings travel with the workstation's data, and tests get their own by using their own directory.
 */
public final class UiSettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(UiSettingsStore.class);

    private final Path file;

    public UiSettingsStore(Path dataDirectory) {
        this.file = dataDirectory.resolve("ui.properties");
    }

    public UiSettings load() {
        UiSettings defaults = UiSettings.defaults();
        if (!Files.exists(file)) {
            return defaults;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return new UiSettings(
                    UiSettings.Theme.valueOf(p.getProperty("theme", defaults.theme().name())),
                    UiSettings.Language.valueOf(p.getProperty("language", defaults.language().name())),
                    Integer.parseInt(p.getProperty("idleLockSeconds", String.valueOf(defaults.idleLockSeconds()))));
        } catch (IOException | IllegalArgumentException e) {
            // A damaged settings file must not keep the counter from opening: fall back and say so in the log.
            LOG.warn("Ignoring unreadable UI settings in {}", file, e);
            return defaults;
        }
    }

    public void save(UiSettings settings) {
        Properties p = new Properties();
        p.setProperty("theme", settings.theme().name());
        p.setProperty("language", settings.language().name());
        p.setProperty("idleLockSeconds", String.valueOf(settings.idleLockSeconds()));
        Path tmp = file.resolveSibling("ui.properties.tmp");
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "Shebao Counter user interface settings");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save UI settings to " + file, e);
        }
    }
}
