package cn.shebao.counter.workstation.launcher;

import cn.shebao.counter.workstation.app.Launcher;
import cn.shebao.counter.workstation.shell.WorkstationApp;

/**
 * Entry point of {@code shebao-counter.jar} and of the installed launcher: the top of the layers, the only class
 * that knows both the command line ({@code app}) and the Swing shell, so neither has to know the other.
 */
public final class ShebaoCounter {

    private ShebaoCounter() {
    }

    public static void main(String[] args) {
        // The only exit in the workstation: run() returns after the window closed and the replica shut down
        // cleanly, and the status must reach scripts and service managers (audit verify answers 3 when tampered).
        System.exit(Launcher.run(args, options -> {
            WorkstationApp app = new WorkstationApp(options);
            app.start();
            return app.awaitExit();
        }));
    }
}
