package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.platform.DataDirectory;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Demo mode: a separate data directory (never the production one) holding an encrypted replica with a
 * few thousand generated persons and demo staff whose passwords are shown, marked as demo only.
 */
public final class DemoMode {

    public static final long SEED = DemoDataGenerator.DEMO_SEED;

    private DemoMode() {
    }

    /** Beside the production directory, so a demo can never write into real data. */
    static DataDirectory directory() {
        DataDirectory production = DataDirectory.resolveForThisMachine(null);
        return new DataDirectory(production.root().resolveSibling(production.root().getFileName() + "-demo"));
    }

    static void printDemoStaff(PrintWriter out, Locale locale, long seed) {
        out.println(Messages.format(locale, "generate.demoCredentials"));
        for (DemoDataGenerator.DemoStaff s : DemoDataGenerator.demoStaff(seed)) {
            out.printf("  %-10s %-8s %-20s %s%n", s.username(), s.displayName(),
                    s.roles().stream().map(Enum::name).collect(Collectors.joining(",")), s.demoPassword());
        }
    }
}
