package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.platform.DataDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code enrol}: enrols this workstation with the central service by a one-time code, creates its encrypted replica
 * and runs the initial load (resumable: running it again after a crash or a cut connection continues where it stopped).
 */
@Command(name = "enrol", mixinStandardHelpOptions = true,
        description = "Enrol this workstation with the central service, create the encrypted replica, load it.")
final class EnrolCommand implements Callable<Integer> {

    @ParentCommand
    ShebaoCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--service-url", required = true, description = "The central service, e.g. https://central.shebao.local:8443.")
    String serviceUrl;

    @Option(names = "--ca-cert", required = true, description = "The centre's CA certificate (centre-ca.pem from IT).")
    Path caCertificate;

    @Option(names = "--code-env", defaultValue = "SHEBAO_ENROLMENT_CODE", paramLabel = "VARIABLE",
            description = "Environment variable holding the one-time enrolment code IT opened (default ${DEFAULT-VALUE}).")
    String codeVariable;

    @Option(names = "--workstation-code", required = true, description = "e.g. HZ-XH-03 (centre, district, window).")
    String code;

    @Option(names = "--allow-software-key",
            description = "This machine has no TPM: keep the replica key in the software key store (the status bar says so).")
    boolean allowSoftwareKey;

    @Option(names = "--tpm-tcti", paramLabel = "TCTI",
            description = "Where the TPM is, in tpm2-tools' syntax (default: the kernel's resource manager /dev/tpmrm0).")
    String tpmTcti;

    @Option(names = "--tpm-pcrs", paramLabel = "SELECTION",
            description = "The boot state the key is bound to (default sha256:7, the Secure Boot state).")
    String tpmPcrs;

    @Override
    public Integer call() throws Exception {
        Locale locale = Locale.getDefault();
        PrintWriter out = spec.commandLine().getOut();
        DataDirectory dir = parent.dataDirectory();
        if (Enrolment.read(dir).map(e -> e.workstationCode().equals(code.strip())).orElse(true)) {
            // Recorded before the replica and its key exist, so every later start protects the key the same way.
            KeyProtection.record(dir, allowSoftwareKey, tpmTcti, tpmPcrs);
        }
        new Enroller(dir).enrol(serviceUrl, caCertificate, System.getenv(codeVariable), code, p -> {
            spec.commandLine().getErr().print("\r" + Messages.format(locale, "enrol.progress", p.table(), p.copied(), p.total()));
            spec.commandLine().getErr().flush();
        });
        spec.commandLine().getErr().println();
        out.println(Messages.format(locale, "enrol.done", code, dir.root().toString()));
        return 0;
    }
}
