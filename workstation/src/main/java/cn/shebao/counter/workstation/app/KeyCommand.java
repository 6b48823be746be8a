package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.store.KeyRotation;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.TpmKeyProtector;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code key}: the replica key's protection, for IT. */
@Command(name = "key", mixinStandardHelpOptions = true, description = "The replica key's protection (TPM).",
        subcommands = {KeyCommand.Seal.class, KeyCommand.Rotate.class})
final class KeyCommand {

    @ParentCommand
    ShebaoCli parent;

    /**
     * Moves a software key store under the TPM: a workstation enrolled with {@code --allow-software-key}, or one from
     * before the TPM, gets its key store password sealed. Run while the workstation is closed.
     */
    @Command(name = "seal", mixinStandardHelpOptions = true,
            description = "Seal this workstation's software key store to the TPM (run with the workstation closed).")
    static final class Seal implements Callable<Integer> {

        @ParentCommand
        KeyCommand key;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            DataDirectory dir = key.parent.dataDirectory();
            if (!KeyStoreKeyProtector.existsIn(dir.keys())) {
                throw new LocalizedException("key.seal.nothing", dir.root().toString());
            }
            TpmKeyProtector tpm = KeyProtection.tpm(dir);
            tpm.adopt(KeyStoreKeyProtector.forMachine(dir.keys()));
            spec.commandLine().getOut().println(Messages.format(Locale.getDefault(), "key.seal.done", tpm.describe()));
            return 0;
        }
    }

    /**
     * Re-encrypts the replica under a new key: after a key may have been seen, or on IT's schedule. Backed up first,
     * checked page by page after; the old key opens nothing afterwards. Run while the workstation is closed.
     */
    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Re-encrypt the replica under a new key, with a backup first and every page checked after; "
                    + "the old key and the backups it opens are gone afterwards (run with the workstation closed). "
                    + "Exit status 0 = done, 4 = no enrolled workstation's replica there.")
    static final class Rotate implements Callable<Integer> {

        @ParentCommand
        KeyCommand key;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Locale locale = Locale.getDefault();
            PrintWriter err = spec.commandLine().getErr();
            DataDirectory dir = key.parent.dataDirectory();
            Optional<String> refusal = ExistingReplica.refusal(dir, key.parent.demo);
            if (refusal.isPresent()) {
                err.println(Messages.format(locale, refusal.get(), dir.root().toString()));
                return ExistingReplica.NOTHING_THERE;
            }
            KeyRotation.Result result = new KeyRotation(dir, key.parent.keyProtector(), Clock.systemDefaultZone()).rotate(p -> {
                err.print("\r" + Messages.format(locale, "key.rotate.step." + p.step().name(), p.seconds()) + "   ");
                err.flush();
            });
            err.println();
            spec.commandLine().getOut().println(result.finishedInterrupted()
                    ? Messages.format(locale, "key.rotate.finishedInterrupted", result.tables(), result.rows(), result.backupsRemoved())
                    : Messages.format(locale, "key.rotate.done", result.tables(), result.rows(), result.backupsRemoved()));
            return 0;
        }
    }
}
