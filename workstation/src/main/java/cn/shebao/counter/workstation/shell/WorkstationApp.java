package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.app.DemoMode;
import cn.shebao.counter.workstation.app.Workstation;
import cn.shebao.counter.workstation.app.WorkstationOptions;
import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.sync.SyncEngine;
import cn.shebao.counter.workstation.ui.ErrorDialog;
import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.ui.UiTasks;
import java.awt.Window;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.UIManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graphical application: splash while the replica opens, login, main window, idle lock, logout,
 * settings, exit. Owns the windows and the order they appear in; the work itself is in services.
 */
public final class WorkstationApp {

    private final UiTasks tasks = new UiTasks("workstation-app");

    private static final Logger LOG = LoggerFactory.getLogger(WorkstationApp.class);

    private final WorkstationOptions options;
    private final UiSettingsStore settingsStore;
    private final StartupTiming timing = new StartupTiming();
    private final CountDownLatch exited = new CountDownLatch(1);
    private volatile int exitCode;
    private UiSettings settings;
    private Texts texts;
    private Workstation workstation;
    private LoginFrame login;
    private MainFrame main;
    private IdleLock idle;
    private SimulatorWindow simulatorWindow;
    private StaffSession session;
    private boolean exiting;
    private DisabledFrame disabled;

    public WorkstationApp(WorkstationOptions options) {
        this.options = options;
        this.settingsStore = new UiSettingsStore(options.directory().root());
    }

    /** Starts the application; returns at once. Call {@link #awaitExit()} to wait for the clerk to leave. */
    public void start() {
        // Font and settings are read here, off the EDT; the first component is made on the EDT afterwards.
        LookAndFeel.registerBundledFont();
        UiSettings loaded = settingsStore.load();
        SwingUtilities.invokeLater(() -> begin(loaded));
    }

    private void begin(UiSettings loaded) {
        settings = loaded;
        texts = new Texts(settings.language().locale());
        speakTheUiLanguage(texts.locale());
        LookAndFeel.install(settings.theme());
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.error("Uncaught exception in {}", thread.getName(), error);
            SwingUtilities.invokeLater(() -> ErrorDialog.show(null, texts, error));
        });
        if (!options.demo() && !Workstation.isEnrolled(options.directory())) {
            // Enrolled from this screen, the start goes on as if the workstation had been enrolled before.
            new NotEnrolledFrame(texts, options.directory(), this::openAndLogin, () -> exit(0)).setVisible(true);
            return;
        }
        openAndLogin();
    }

    private void openAndLogin() {
        // The login window is the splash: it shows start-up progress while the clerk already types.
        showLogin();
        new SwingWorker<Workstation, Workstation.Progress>() {
            @Override
            protected Workstation doInBackground() {
                return Workstation.open(options, this::publish);
            }

            @Override
            protected void process(List<Workstation.Progress> chunks) {
                if (login != null) {
                    login.progress(chunks.get(chunks.size() - 1));
                }
            }

            @Override
            protected void done() {
                try {
                    workstation = get();
                } catch (ExecutionException e) {
                    LOG.error("The workstation could not start", e.getCause());
                    ErrorDialog.show(null, texts, e.getCause());
                    exit(1);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exit(1);
                    return;
                }
                workstation.sync().ifPresent(engine -> engine.addListener(status -> {
                    if (status.problem() == SyncEngine.Problem.DISABLED) {
                        SwingUtilities.invokeLater(WorkstationApp.this::showDisabled);
                    }
                }));
                if (login != null) {
                    login.ready(workstation);
                    startupProbeLogin();
                }
            }
        }.execute();
    }

    /** IT revoked this workstation: every window closes, whoever was logged in is logged out, only "exit" remains. */
    private void showDisabled() {
        if (disabled != null || exiting) {
            return;
        }
        LOG.warn("This workstation was disabled by IT at central: the windows close and only exit is offered");
        closeMain();
        session = null;
        if (login != null) {
            login.dispose();
            login = null;
        }
        for (Window w : Window.getWindows()) {
            w.dispose();
        }
        simulatorWindow = null;
        disabled = new DisabledFrame(texts, () -> exit(0));
        disabled.setVisible(true);
    }

    private void showLogin() {
        if (disabled != null) {
            return; // a logout racing the revocation must not bring the login back
        }
        login = new LoginFrame(texts, options.demo() ? DemoDataGenerator.demoStaff(DemoMode.SEED) : List.of(),
                Clock.systemDefaultZone(), new LoginFrame.Listener() {
            @Override
            public void attemptStarted() {
                timing.loginSubmitted();
            }

            @Override
            public void loggedIn(StaffSession s, boolean mustChangePassword) {
                if (mustChangePassword && !new ChangePasswordDialog(login, texts, workstation.passwordChanges(), s,
                        texts.text("password.mustChange")).ask()) {
                    return; // stays at the login window; the old password still works only to try again
                }
                showMain(s);
            }

            @Override
            public void exitRequested() {
                exit(0);
            }
        });
        login.setVisible(true);
        if (workstation != null) {
            login.ready(workstation); // after a logout the replica is already open
        } else {
            timing.loginVisible();
        }
    }

    /** The start-up probe logs in as the first demo clerk once the replica is ready, or stops at the login. */
    private void startupProbeLogin() {
        if ("main".equals(timing.probe()) && options.demo()) {
            var clerk = workstation.demoStaff().get(0);
            login.submitFor(clerk.username(), clerk.demoPassword().toCharArray());
        } else if ("login".equals(timing.probe())) {
            exit(0);
        }
    }

    private void showMain(StaffSession s) {
        session = s;
        if (login != null) {
            login.dispose();
            login = null;
        }
        buildMain(null);
        idle = new IdleLock(idleLockSeconds(), this::lock);
        if (simulatorWindow == null) {
            showSimulator();
        }
        main.toFront();
        main.requestFocus();
        timing.mainVisible();
        if ("main".equals(timing.probe())) {
            exit(0);
        }
    }

    /** Demo mode: the simulated reader's window, in the UI's language (built again when the language changes). */
    private void showSimulator() {
        workstation.reader().simulator().ifPresent(simulator -> {
            simulatorWindow = new SimulatorWindow(simulator, workstation.reader().demoCards(), texts.locale());
            simulatorWindow.setVisible(true);
        });
    }

    private void buildMain(String open) {
        main = new MainFrame(texts, session, workstation, settings,
                new MainFrame.Listener() {
            @Override
            public void logoutRequested() {
                logout("logout");
            }

            @Override
            public void exitRequested() {
                exit(0);
            }

            @Override
            public void settingsApplied(UiSettings chosen) {
                applySettings(chosen);
            }
        });
        if (open != null) {
            main.open(open);
        }
        main.setVisible(true);
    }

    private void lock() {
        main.setLocked(true);
        LockDialog.Outcome outcome = new LockDialog(main, texts, workstation.authenticator(), workstation.staffAccounts(),
                workstation.clock(), session).await();
        if (outcome == LockDialog.Outcome.UNLOCKED) {
            main.setLocked(false);
            idle.resume();
        } else {
            logout("session.ended");
        }
    }

    private void logout(String action) {
        StaffSession leaving = session;
        tasks.run(() -> workstation.audit().append(new AuditEntry(leaving.userId(), leaving.username(), action,
                "StaffUser", leaving.userId().toString(), null, null)), event -> { }, error -> ErrorDialog.show(null, texts, error));
        closeMain();
        session = null;
        showLogin();
    }

    private void closeMain() {
        if (idle != null) {
            idle.close();
            idle = null;
        }
        if (main != null) {
            main.dispose();
            main = null;
        }
    }

    private void applySettings(UiSettings chosen) {
        UiSettings before = settings;
        settings = chosen;
        tasks.run(() -> {
            settingsStore.save(chosen);
            return chosen;
        }, saved -> { }, error -> ErrorDialog.show(main, texts, error));
        if (chosen.theme() != before.theme()) {
            LookAndFeel.install(chosen.theme());
        }
        if (chosen.language() != before.language() || chosen.idleLockSeconds() != before.idleLockSeconds()) {
            // Rebuilding is simpler and surer than relabelling every component in place.
            texts = new Texts(chosen.language().locale());
            speakTheUiLanguage(texts.locale());
            closeMain();
            buildMain(ShellScreens.SETTINGS);
            idle = new IdleLock(idleLockSeconds(), this::lock);
            if (simulatorWindow != null && chosen.language() != before.language()) {
                simulatorWindow.dispose();
                showSimulator();
            }
        }
    }

    /**
     * The JDK's own dialogs and components (file chooser, option panes, the spinners' formats) take their language
     * from Swing's default locale, not from our bundles: set to the UI's language, so a Chinese window does not save a
     * certificate through an English dialog. (JasperReports' viewer gets the locale passed in.) The JVM's default
     * locale stays as it is: command-line messages and formats elsewhere follow the machine.
     */
    private static void speakTheUiLanguage(Locale locale) {
        JComponent.setDefaultLocale(locale);
        UIManager.getDefaults().setDefaultLocale(locale);
    }

    /**
     * The clerk's idle lock, never longer than the centre allows (a hand-edited ui.properties cannot lengthen it
     * either); read at every login, so a new rule from central holds from the next one.
     */
    private int idleLockSeconds() {
        return (int) Math.min(settings.idleLockSeconds(), workstation.centrePolicy().idleLockMax().toSeconds());
    }

    /** Closes every window and the replica (off the EDT), then releases {@link #awaitExit()}. */
    public void exit(int code) {
        if (exiting) {
            return;
        }
        exiting = true;
        exitCode = code;
        closeMain();
        if (login != null) {
            login.dispose();
        }
        for (Window w : Window.getWindows()) {
            w.dispose();
        }
        Workstation opened = workstation;
        Thread closer = new Thread(() -> {
            try {
                if (opened != null) {
                    opened.close();
                }
            } catch (IOException e) {
                LOG.error("Replica did not close cleanly", e);
            } finally {
                exited.countDown();
            }
        }, "workstation-exit");
        closer.start();
    }

    /** Blocks until the application has exited and the replica is closed; returns the exit status. */
    public int awaitExit() throws InterruptedException {
        exited.await();
        return exitCode;
    }

    /** As {@link #awaitExit()}, giving up after the timeout (tests must never hang). */
    public int awaitExit(long timeout, TimeUnit unit) throws InterruptedException {
        if (!exited.await(timeout, unit)) {
            throw new IllegalStateException("the application did not exit within " + timeout + " " + unit);
        }
        return exitCode;
    }
}
