package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.TpmKeyProtector;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code key}: the replica key's protection, for IT. */
@Command(name = "key", mixinStandardHelpOptions = true, description = "The replica key's protection (TPM).",
        subcommands = {KeyCommand.Seal.class})
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
}
