package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.store.KeyProtector;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.TpmKeyProtector;
import cn.shebao.counter.workstation.store.TpmSealer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Which protector guards this workstation's keys, from {@code workstation.properties}:
 *
 * <ul>
 *   <li>demo mode: the software key store (a demo directory holds generated people only);</li>
 *   <li>a data directory whose key store password is sealed to the TPM: the TPM, whatever the file says;</li>
 *   <li>{@value #ALLOW_SOFTWARE}{@code =true}, set by IT for a machine without a TPM: the software key store, and
 *       the status bar says so for as long as it is in use;</li>
 *   <li>otherwise the TPM ({@value #TCTI} and {@value #PCRS} say where it is and which boot state it is bound to);
 *       a software key store found there without the flag is refused, not silently used.</li>
 * </ul>
 */
public final class KeyProtection {

    public static final String ALLOW_SOFTWARE = "allowSoftwareKey";
    public static final String TCTI = "tpm.tcti";
    public static final String PCRS = "tpm.pcrs";

    private KeyProtection() {
    }

    public static KeyProtector forWorkstation(DataDirectory dir, boolean demo) {
        if (demo) {
            return KeyStoreKeyProtector.forMachine(dir.keys());
        }
        if (TpmKeyProtector.sealedIn(dir.keys())) {
            return tpm(dir);
        }
        if (softwareAllowed(dir)) {
            return KeyStoreKeyProtector.forMachine(dir.keys());
        }
        return tpm(dir);
    }

    /** The TPM as configured for this data directory, for sealing an existing software store to it. */
    public static TpmKeyProtector tpm(DataDirectory dir) {
        Properties p = settings(dir);
        return new TpmKeyProtector(dir.keys(), new TpmSealer(new TpmSealer.Config(p.getProperty(TCTI), p.getProperty(PCRS))));
    }

    static boolean softwareAllowed(DataDirectory dir) {
        return Boolean.parseBoolean(settings(dir).getProperty(ALLOW_SOFTWARE, "false").strip());
    }

    /** What IT chose at enrolment, written before the replica exists so that every later start reads the same. */
    static void record(DataDirectory dir, boolean allowSoftware, String tcti, String pcrs) {
        Path file = dir.root().resolve(Enrolment.FILE);
        Properties p = WorkstationProperties.read(file);
        if (allowSoftware) {
            p.setProperty(ALLOW_SOFTWARE, "true");
        }
        if (tcti != null && !tcti.isBlank()) {
            p.setProperty(TCTI, tcti.strip());
        }
        if (pcrs != null && !pcrs.isBlank()) {
            new TpmSealer.Config(tcti, pcrs); // refuses a malformed selection before anything is written
            p.setProperty(PCRS, pcrs.strip());
        }
        try {
            Files.createDirectories(dir.root());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "Shebao Counter workstation settings (no secrets here: the machine's key and certificate are in keys/)");
            }
        } catch (IOException e) {
            throw new LocalizedException(e, "replica.error.keyStoreUnwritable", file.toString());
        }
    }

    private static Properties settings(DataDirectory dir) {
        try {
            return WorkstationProperties.read(dir.root().resolve(Enrolment.FILE));
        } catch (UncheckedIOException e) {
            throw new LocalizedException(e, "key.settingsUnreadable", dir.root().resolve(Enrolment.FILE).toString());
        }
    }
}
