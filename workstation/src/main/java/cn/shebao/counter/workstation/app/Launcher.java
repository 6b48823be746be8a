package cn.shebao.counter.workstation.app;

import cn.shebao.counter.device.reader.SerialNativeLibrary;
import cn.shebao.counter.workstation.platform.DataDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What {@code launcher.ShebaoCounter} does before the command line runs. Deliberately has no logger field: it
 * first decides where the data directory is so Logback writes its rolling file there, then hands over to the
 * command line.
 */
public final class Launcher {

    static final String LOG_DIR_PROPERTY = "shebao.log.dir";

    private Launcher() {
    }

    /**
     * Prepares logging and the serial library, then runs the command line.
     *
     * @param window how the graphical workstation is shown when no subcommand is given
     * @return the exit status
     */
    public static int run(String[] args, ShebaoCli.Window window) {
        Path flag = dataDirFlag(args);
        DataDirectory dir = flag == null && Arrays.asList(args).contains("--demo")
                ? DemoMode.directory() : DataDirectory.resolveForThisMachine(flag);
        // Verifying, checking and re-keying must leave no trace in a directory that is no enrolled workstation's (a mistyped path
        // is not created, a generated one not written to): they log to the temporary folder then and need no serial
        // library.
        List<String> words = Arrays.asList(args);
        boolean verifying = words.contains("audit") && words.contains("verify") || words.contains("store") && words.contains("check")
                || words.contains("key") && words.contains("rotate");
        if (System.getProperty(LOG_DIR_PROPERTY) == null
                && (!verifying || dir.hasReplica() && Enrolment.read(dir).isPresent())) {
            System.setProperty(LOG_DIR_PROPERTY, dir.logs().toString());
        }
        if (Arrays.asList(args).contains("--self-test")) {
            // The self-test opens no window, also where a display is set (IT may run it from a desktop session).
            System.setProperty("java.awt.headless", "true");
        }
        if (!verifying) {
            useOwnNativeLibraryFolder(dir);
        }
        return ShebaoCli.run(args, window);
    }

    /**
     * jSerialComm's native library goes to {@code <data>/native}, before anything touches the serial port. If that
     * fails (a read-only or full disk), jSerialComm falls back to its own temporary folder: the reader still works,
     * the log says why, and the self-test reports it.
     */
    private static void useOwnNativeLibraryFolder(DataDirectory dir) {
        try {
            SerialNativeLibrary.installInto(dir.nativeLibraries());
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(Launcher.class).warn("Cannot unpack the serial library into {}; jSerialComm will "
                    + "use the temporary folder", dir.nativeLibraries(), e);
        }
    }

    /** The value of --data-dir, read before picocli so logging can be pointed at the right place. */
    static Path dataDirFlag(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--data-dir=")) {
                return Path.of(args[i].substring("--data-dir=".length()));
            }
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
        }
        return null;
    }
}
