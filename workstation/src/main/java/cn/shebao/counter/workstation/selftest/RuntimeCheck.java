package cn.shebao.counter.workstation.selftest;

import cn.shebao.counter.workstation.i18n.Messages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The Java runtime holds every module the workstation needs. The list is {@code runtime-modules.txt}, the same file
 * the installer hands to jlink, so a module dropped from the trimmed runtime is caught here, not at the counter.
 * Also proves the Chinese locale data is there (without {@code jdk.localedata} dates print as "M11") and the
 * elliptic-curve provider TLS needs.
 */
final class RuntimeCheck implements Check {

    static final String MODULE_LIST = "runtime-modules.txt";

    /** What CLDR's Chinese data calls November; escaped, as it is compared, never shown. */
    private static final String CLDR_ZH_NOVEMBER = "\u5341\u4e00\u6708";

    private final List<String> required;

    RuntimeCheck(List<String> required) {
        this.required = List.copyOf(required);
    }

    static RuntimeCheck fromBundledList() {
        return new RuntimeCheck(bundledList());
    }

    /** Module names, one per line; {@code #} starts a comment saying why a module jdeps cannot see is needed. */
    static List<String> bundledList() {
        try (InputStream in = RuntimeCheck.class.getResourceAsStream(MODULE_LIST)) {
            if (in == null) {
                throw new IllegalStateException(MODULE_LIST + " is missing from the workstation jar");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(l -> l.replaceFirst("#.*", "").trim())
                    .filter(l -> !l.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String subject(Locale locale) {
        return Messages.format(locale, "selftest.runtime");
    }

    @Override
    public Outcome run(Locale locale) {
        List<String> missing = required.stream().filter(m -> ModuleLayer.boot().findModule(m).isEmpty()).toList();
        if (!missing.isEmpty()) {
            return Outcome.fail(Messages.format(locale, "selftest.runtime.missing", String.join(", ", missing)));
        }
        String november = DateTimeFormatter.ofPattern("MMMM", Locale.SIMPLIFIED_CHINESE).format(Month.NOVEMBER);
        if (!CLDR_ZH_NOVEMBER.equals(november)) {
            return Outcome.fail(Messages.format(locale, "selftest.runtime.noLocaleData", november));
        }
        try {
            // jdk.crypto.ec is a provider nothing references: without it the TLS handshake with central fails
            // only at the first sync, with a message no clerk can act on.
            KeyPairGenerator.getInstance("EC").initialize(256);
        } catch (NoSuchAlgorithmException e) {
            return Outcome.fail(Messages.format(locale, "selftest.runtime.noEc", String.valueOf(e.getMessage())));
        }
        return Outcome.pass(Messages.format(locale, "selftest.runtime.ok", required.size(),
                Runtime.version().toString(), System.getProperty("java.home")));
    }
}
