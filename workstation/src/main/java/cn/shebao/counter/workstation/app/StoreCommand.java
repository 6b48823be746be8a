package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.StorageCheck;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code store check}: the replica's storage, page by page, for IT. */
@Command(name = "store", mixinStandardHelpOptions = true, description = "The local replica's storage.",
        subcommands = {StoreCommand.Check.class})
final class StoreCommand {

    @ParentCommand
    ShebaoCli parent;

    /** Exit status 0 when every table reads whole, 5 when any is damaged, 4 when there is no replica to check. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Read every table and index of the replica and check its consistency (Derby's check), with "
                    + "progress. Exit status 0 = whole, 5 = damaged, 4 = no enrolled workstation's replica there. "
                    + "Run with the workstation closed.")
    static final class Check implements Callable<Integer> {

        static final int DAMAGED = 5;

        @ParentCommand
        StoreCommand store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Locale locale = Locale.getDefault();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            DataDirectory dir = store.parent.dataDirectory();
            Optional<String> refusal = ExistingReplica.refusal(dir, store.parent.demo);
            if (refusal.isPresent()) {
                err.println(Messages.format(locale, refusal.get(), dir.root().toString()));
                return ExistingReplica.NOTHING_THERE;
            }
            List<StorageCheck.TableResult> results;
            try (Replica replica = AppReplica.open(dir, store.parent.keyProtector())) {
                results = new StorageCheck(replica.dataSource()).run((table, position, tables) -> {
                    err.print("\r" + Messages.format(locale, "store.check.progress", position, tables, table) + "   ");
                    err.flush();
                });
            }
            err.println();
            List<StorageCheck.TableResult> damaged = results.stream().filter(r -> !r.whole()).toList();
            if (damaged.isEmpty()) {
                out.println(Messages.format(locale, "store.check.whole", results.size()));
                return 0;
            }
            out.println(Messages.format(locale, "store.check.damaged", results.size(), damaged.size()));
            for (StorageCheck.TableResult r : damaged) {
                out.println("  - " + Messages.format(locale, r.damagedPage() ? "store.check.damagedPage" : "store.check.damagedTable",
                        r.table(), r.sqlState()));
            }
            return DAMAGED;
        }
    }
}
