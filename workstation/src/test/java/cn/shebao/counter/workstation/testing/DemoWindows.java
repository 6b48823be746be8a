package cn.shebao.counter.workstation.testing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.app.DemoMode;
import cn.shebao.counter.workstation.app.Workstation;
import cn.shebao.counter.workstation.app.WorkstationOptions;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.shell.WorkstationApp;
import java.awt.Component;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.swing.JProgressBar;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.NameMatcher;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;

/**
 * The demo workstation's real windows for a GUI test: a demo replica made once per test class (a template), copied for
 * each test so that lockouts and registrations never leak between tests, the application started on the copy, and the
 * login as a demo staff member. Waits are on state with a deadline, never a fixed sleep.
 */
public final class DemoWindows implements AutoCloseable {

    private final Path data;
    private final Robot robot;
    private final int persons;
    private WorkstationApp app;

    /** A copy of {@code template} at {@code data}, and a robot of its own. */
    public DemoWindows(Path template, Path data, int persons) throws IOException {
        this.data = data;
        this.persons = persons;
        copyTree(template, data);
        robot = BasicRobot.robotWithNewAwtHierarchy();
        robot.settings().delayBetweenEvents(10);
    }

    /** A demo data directory with {@code persons} generated persons, made once and copied by each test. */
    public static Path template(int persons) throws IOException {
        Path template = Files.createTempDirectory("shebao-gui-template");
        try (Workstation w = Workstation.open(new WorkstationOptions(new DataDirectory(template), true, persons), p -> { })) {
            assertThat(w.demoStaff()).isNotEmpty();
        }
        return template;
    }

    public Robot robot() {
        return robot;
    }

    public Path data() {
        return data;
    }

    /** Starts the workstation on the copy; returns at once. */
    public WorkstationApp start(boolean demo) {
        app = new WorkstationApp(new WorkstationOptions(new DataDirectory(data), demo, persons));
        app.start();
        return app;
    }

    /** The login window once the replica behind it is ready. */
    public FrameFixture loginWindow() {
        FrameFixture login = WindowFinder.findFrame("login").withTimeout(60, TimeUnit.SECONDS).using(robot);
        JProgressBar progress = robot.finder().findByName(login.target(), "login.progress", JProgressBar.class, false);
        await("replica ready", () -> !progress.isShowing(), 60);
        return login;
    }

    /** Logs in as the demo staff member {@code username} with the demo password; returns the main window. */
    public FrameFixture logIn(String username) {
        FrameFixture login = loginWindow();
        login.textBox("login.username").setText(username);
        login.textBox("login.password").setText(demoPassword(username));
        login.button("login.submit").click();
        return WindowFinder.findFrame("main").withTimeout(30, TimeUnit.SECONDS).using(robot);
    }

    public static String demoPassword(String username) {
        return DemoDataGenerator.demoStaff(DemoMode.SEED).stream().filter(s -> s.username().equals(username)).findFirst()
                .orElseThrow().demoPassword();
    }

    /** Exits the application (the test then reads its data directory) and waits until it has. */
    public void exit() throws InterruptedException {
        if (app != null) {
            WorkstationApp running = app;
            app = null;
            GuiActionRunner.execute(() -> running.exit(0));
            assertThat(running.awaitExit(60, TimeUnit.SECONDS)).isZero();
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            exit();
        } finally {
            robot.cleanUp();
        }
    }

    /** Waits, up to {@code seconds}, until {@code condition} holds when asked on the EDT. */
    public static void await(String what, BooleanSupplier condition, int seconds) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(condition::getAsBoolean);
            }
        }, Timeout.timeout(seconds, TimeUnit.SECONDS));
    }

    /** Whether a component named {@code name} is showing in {@code frame}. */
    public static boolean isShowing(FrameFixture frame, String name) {
        return GuiActionRunner.execute(() -> {
            for (Component found : frame.robot().finder().findAll(frame.target(), new NameMatcher(name))) {
                if (found.isShowing()) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Copies a data directory, leaving out the instance lock of the process that made it. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().equals(".instance.lock")) {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
