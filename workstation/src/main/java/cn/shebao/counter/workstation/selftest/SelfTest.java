package cn.shebao.counter.workstation.selftest;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.store.KeyProtector;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code shebao-counter --self-test}: what IT staff run after installing or upgrading a workstation, and what the
 * package test in CI runs against the installed runtime. Opens no window and changes nothing (the replica is read,
 * not migrated). Every check runs even when an earlier one failed, so one run names every problem.
 */
public final class SelfTest {

    private static final Logger LOG = LoggerFactory.getLogger(SelfTest.class);

    private final List<Check> checks;
    private final Locale locale;

    SelfTest(List<Check> checks, Locale locale) {
        this.checks = List.copyOf(checks);
        this.locale = locale;
    }

    /** The checks of an installed workstation using {@code directory}. */
    public static SelfTest of(DataDirectory directory, KeyProtector keys, Locale locale) {
        return new SelfTest(List.of(RuntimeCheck.fromBundledList(), new ReplicaCheck(directory, keys), new ReportCheck(),
                new SerialLibraryCheck(directory)), locale);
    }

    /** Prints one line per check and the verdict; 0 when every check passed, 1 otherwise. */
    public int run(PrintWriter out, String version) {
        out.println(Messages.format(locale, "selftest.title", version));
        int failed = 0;
        for (Check check : checks) {
            Check.Outcome outcome = run(check);
            if (!outcome.passed()) {
                failed++;
            }
            out.println(Messages.format(locale, outcome.passed() ? "selftest.pass" : "selftest.fail",
                    check.subject(locale), outcome.detail()));
            out.flush();
        }
        out.println(failed == 0 ? Messages.format(locale, "selftest.allPassed")
                : Messages.format(locale, "selftest.someFailed", failed));
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private Check.Outcome run(Check check) {
        try {
            return check.run(locale);
        } catch (LocalizedException e) {
            LOG.error("Self-test check {} failed", check.getClass().getSimpleName(), e);
            return Check.Outcome.fail(e.message(locale));
        } catch (RuntimeException | LinkageError e) {
            // A missing module or native library shows up as an error, not an exception: report it, don't crash.
            LOG.error("Self-test check {} failed", check.getClass().getSimpleName(), e);
            return Check.Outcome.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
