package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.store.Replica;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Demo mode: a separate data directory (never the production one) holding an encrypted replica with a
 * few thousand generated persons and demo staff whose passwords are shown, marked as demo only.
 */
final class DemoMode {

    static final long SEED = 2026;
    static final int PERSONS = 3000;

    private final DataDirectory directory;

    DemoMode(DataDirectory directory) {
        this.directory = directory;
    }

    /** Beside the production directory, so a demo can never write into real data. */
    static DataDirectory directory() {
        DataDirectory production = DataDirectory.resolveForThisMachine(null);
        return new DataDirectory(production.root().resolveSibling(production.root().getFileName() + "-demo"));
    }

    int prepare(PrintWriter out) {
        Locale locale = Locale.getDefault();
        try (Replica replica = AppReplica.open(directory)) {
            long persons = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                    "select count(*) from InsuredPerson", Long.class).getSingleResult());
            if (persons == 0) {
                GenerateCommand.generate(replica.sessions(), DemoDataGenerator.Settings.of(SEED, PERSONS, LocalDate.now()),
                        directory.root().toString(), new PrintWriter(System.err, true), out, locale);
            } else {
                out.println(Messages.format(locale, "demo.reused", directory.root().toString(), persons));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        printDemoStaff(out, locale, SEED);
        out.println(Messages.format(locale, "demo.noWindowYet"));
        return 0;
    }

    static void printDemoStaff(PrintWriter out, Locale locale, long seed) {
        out.println(Messages.format(locale, "generate.demoCredentials"));
        for (DemoDataGenerator.DemoStaff s : DemoDataGenerator.demoStaff(seed)) {
            out.printf("  %-10s %-8s %-20s %s%n", s.username(), s.displayName(),
                    s.roles().stream().map(Enum::name).collect(Collectors.joining(",")), s.demoPassword());
        }
    }
}
