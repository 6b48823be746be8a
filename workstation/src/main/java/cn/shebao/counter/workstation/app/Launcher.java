package cn.shebao.counter.workstation.app;

import java.nio.file.Path;

/**
 * Entry point of {@code shebao-counter.jar}. Deliberately has no logger: it first decides where the data
 * directory is so Logback writes its rolling file there, then hands over to the command line.
 */
public final class Launcher {

    static final String LOG_DIR_PROPERTY = "shebao.log.dir";

    private Launcher() {
    }

    public static void main(String[] args) {
        Path flag = dataDirFlag(args);
        DataDirectory dir = flag == null && java.util.Arrays.asList(args).contains("--demo")
                ? DemoMode.directory() : DataDirectory.resolveForThisMachine(flag);
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, dir.logs().toString());
        }
        // The only exit in the workstation: run() returns after the window closed and the replica shut down
        // cleanly, and the status must reach scripts and service managers (audit verify answers 3 when tampered).
        System.exit(ShebaoCli.run(args));
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
