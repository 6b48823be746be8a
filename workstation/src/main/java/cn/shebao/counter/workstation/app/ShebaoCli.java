package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.selftest.SelfTest;
import cn.shebao.counter.workstation.store.KeyProtector;
import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of {@code shebao-counter.jar}; {@code --help} lists the subcommands. */
@Command(name = "shebao-counter", mixinStandardHelpOptions = true, versionProvider = ShebaoCli.Version.class,
        description = "Shebao Counter workstation for social-insurance service windows.",
        subcommands = {GenerateCommand.class, AuditCommand.class, CentralCommand.class, EnrolCommand.class, KeyCommand.class, StoreCommand.class, CommandLine.HelpCommand.class})
public final class ShebaoCli implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ShebaoCli.class);

    /**
     * Shows the graphical workstation until the clerk exits and returns the exit status. Handed in by the launcher
     * above this package, so the command line (and everything it wires) never depends on the Swing shell.
     */
    @FunctionalInterface
    public interface Window {
        /** For the subcommands alone (the tests' command lines): no window can be shown. */
        Window NONE = options -> {
            System.err.println(Messages.format(Locale.getDefault(), "cli.headless"));
            return 2;
        };

        int show(WorkstationOptions options) throws InterruptedException;
    }

    private final Window window;

    /** For the subcommands alone. */
    ShebaoCli() {
        this(Window.NONE);
    }

    private ShebaoCli(Window window) {
        this.window = window;
    }

    @Option(names = "--data-dir", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Data directory (replica, keys, logs). Default: $" + DataDirectory.ENV_VARIABLE
                    + ", else the platform's (XDG on Linux, %%LOCALAPPDATA%% on Windows).")
    Path dataDir;

    @Option(names = "--demo", description = "Demo mode: a local demo data directory with generated persons and demo staff.")
    boolean demo;

    @Option(names = "--demo-persons", defaultValue = "3000", paramLabel = "N",
            description = "Persons generated into a new demo data directory (default ${DEFAULT-VALUE}).")
    int demoPersons;

    @Option(names = "--self-test", description = "Check this installation without opening a window (Java modules, "
            + "replica, report with its font, serial library); prints the result, exit status 0 when all passed, else 1.")
    boolean selfTest;

    public static int run(String[] args) {
        return run(args, Window.NONE);
    }

    public static int run(String[] args, Window window) {
        CommandLine cli = new CommandLine(new ShebaoCli(window));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Expected failures get their translated message and no stack trace on the console; all go to the log.
            LOG.error("Command failed", e);
            PrintWriter err = commandLine.getErr();
            err.println(e instanceof LocalizedException le ? le.message(Locale.getDefault()) : String.valueOf(e.getMessage()));
            return 1;
        });
        return cli.execute(args);
    }

    DataDirectory dataDirectory() {
        return demo && dataDir == null ? DemoMode.directory() : DataDirectory.resolveForThisMachine(dataDir);
    }

    /** The key protector for {@link #dataDirectory()}: the TPM unless demo mode or IT's explicit allowance. */
    KeyProtector keyProtector() {
        return KeyProtection.forWorkstation(dataDirectory(), demo);
    }

    /** Without a subcommand: the graphical workstation, until the clerk exits (or the self-test, when asked). */
    @Override
    public Integer call() throws InterruptedException {
        if (selfTest) {
            PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
            return SelfTest.of(dataDirectory(), keyProtector(), Locale.getDefault()).run(out, new Version().getVersion()[0]);
        }
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println(Messages.format(Locale.getDefault(), "cli.headless"));
            return 2;
        }
        return window.show(new WorkstationOptions(dataDirectory(), demo, demoPersons));
    }

    /**
     * The installed package's version (the jpackage launcher passes it as {@code jpackage.app-version}) with the
     * build's from the jar manifest; a development build has only the latter, or neither.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String build = ShebaoCli.class.getPackage().getImplementationVersion();
            String installed = System.getProperty("jpackage.app-version");
            String v = build == null ? "(development build)" : build;
            return new String[] {"shebao-counter " + (installed == null ? v : installed + " (" + v + ")"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
