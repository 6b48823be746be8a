package cn.shebao.counter.workstation.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the two waits a clerk feels: process start to login window, and login to main window.
 * Always logged; with {@code -Dshebao.startupProbe=login|main} also printed on standard output and the
 * application exits, so {@code scripts/measure-startup.sh} can repeat the measurement.
 */
final class StartupTiming {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTiming.class);
    static final String PROBE_PROPERTY = "shebao.startupProbe";

    private final Instant processStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
    private long loginStartedNanos;

    String probe() {
        return System.getProperty(PROBE_PROPERTY, "");
    }

    void loginVisible() {
        long ms = Duration.between(processStart, Instant.now()).toMillis();
        LOG.info("Login window visible {} ms after process start", ms);
        if (!probe().isEmpty()) {
            System.out.printf(Locale.ROOT, "STARTUP login-window-visible-ms=%d%n", ms);
        }
    }

    void loginSubmitted() {
        loginStartedNanos = System.nanoTime();
    }

    void mainVisible() {
        long ms = (System.nanoTime() - loginStartedNanos) / 1_000_000;
        LOG.info("Main window visible {} ms after the login was submitted", ms);
        if (!probe().isEmpty()) {
            System.out.printf(Locale.ROOT, "STARTUP main-window-visible-after-login-ms=%d%n", ms);
        }
    }
}
