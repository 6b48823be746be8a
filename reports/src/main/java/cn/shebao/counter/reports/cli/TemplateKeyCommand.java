package cn.shebao.counter.reports.cli;

import cn.shebao.counter.reports.overrides.TemplateKey;
import cn.shebao.counter.reports.overrides.TemplateSigning;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code template-key}: IT makes the centre's template key pair once, on its own machine. */
@Command(name = "template-key", mixinStandardHelpOptions = true,
        description = "Make the centre's template signing key: the private key into FILE (owner-only; keep it off "
                + "the workstations), the public key printed as the line for every workstation.properties.")
final class TemplateKeyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--private-key", required = true, paramLabel = "FILE")
    Path privateKey;

    @Override
    public Integer call() throws IOException {
        KeyPair pair = TemplateSigning.generate();
        try {
            TemplateSigning.writePrivateKey(pair.getPrivate(), privateKey);
        } catch (FileAlreadyExistsException e) {
            spec.commandLine().getErr().println(privateKey + " exists already; a second key would orphan every template signed with the first.");
            return 2;
        }
        spec.commandLine().getOut().println("templates.publicKey=" + TemplateKey.of(pair.getPublic()).encoded());
        return 0;
    }
}
