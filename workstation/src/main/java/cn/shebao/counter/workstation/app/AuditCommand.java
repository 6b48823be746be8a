package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.audit.AuditRetention;
import cn.shebao.counter.workstation.audit.AuditVerification;
import cn.shebao.counter.workstation.audit.AuditVerifier;
import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import java.io.PrintWriter;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Period;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code audit verify}: walks the hash chain of the replica's audit log; {@code audit prune}: the retention period. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit log tools.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Prune.class})
final class AuditCommand implements Runnable {

    @ParentCommand
    ShebaoCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exit status 0 when intact, 3 when any row was edited or removed, 4 when there is nothing to verify. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check that no audit record was edited or deleted. Exit status 0 = intact, 3 = tampered,"
                    + " 4 = no enrolled workstation's replica in that data directory (nothing is created there).")
    static final class Verify implements Callable<Integer> {

        static final int TAMPERED = 3;
        static final int NOTHING_TO_VERIFY = ExistingReplica.NOTHING_THERE;

        @ParentCommand
        AuditCommand audit;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Locale locale = Locale.getDefault();
            PrintWriter out = spec.commandLine().getOut();
            DataDirectory dir = audit.parent.dataDirectory();
            // Nothing to verify is said as such: opening would create an empty replica and report it "intact".
            Optional<String> refusal = ExistingReplica.refusal(dir, audit.parent.demo);
            if (refusal.isPresent()) {
                spec.commandLine().getErr().println(Messages.format(locale, refusal.get(), dir.root().toString()));
                return NOTHING_TO_VERIFY;
            }
            KeyProtector keys = audit.parent.keyProtector();
            // Read-only: verifying must not be what changes the replica (no migration, no write of any kind).
            try (Replica replica = Replica.openReadOnly(audit.parent.dataDirectory(), keys, DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
                // Enrolled: the countersignature is checked against the centre's key too.
                PublicKey centre = NodeIdentity.load(audit.parent.dataDirectory(), keys)
                        .map(identity -> identity.ca().getPublicKey()).orElse(null);
                AuditVerification result = new AuditVerifier(replica.sessions(), centre).verify();
                if (result.intact()) {
                    out.println(Messages.format(locale, "audit.verify.intact", result.rowsChecked()));
                    return 0;
                }
                out.println(Messages.format(locale, "audit.verify.broken", result.rowsChecked(), result.problems().size()));
                for (AuditVerification.Problem p : result.problems()) {
                    out.println("  - " + Messages.format(locale, "audit.problem." + p.kind(), p.sequenceNumber()));
                }
                return TAMPERED;
            }
        }
    }

    /** Removes events older than the retention period that central already holds and countersigned. */
    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = "Remove audit records older than the retention period that the centre holds and countersigned;"
                    + " the chain still verifies. At least 6 months.")
    static final class Prune implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @CommandLine.Option(names = "--months", defaultValue = "12", description = "Retention in months (default ${DEFAULT-VALUE}, at least 6).")
        int months;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Replica replica = AppReplica.open(audit.parent.dataDirectory(), audit.parent.keyProtector())) {
                AuditRetention.Pruned pruned = new AuditRetention(replica.sessions(), Clock.systemDefaultZone(),
                        Period.ofMonths(months)).prune();
                spec.commandLine().getOut().println(Messages.format(Locale.getDefault(), "audit.prune.done", pruned.events(),
                        pruned.upToSequence()));
                return 0;
            }
        }
    }
}
