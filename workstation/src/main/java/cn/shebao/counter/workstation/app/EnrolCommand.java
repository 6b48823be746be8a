package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.i18n.Messages;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code enrol}: registers this workstation with central, creates its encrypted replica and runs the initial
 * load (resumable: running it again after a crash or a cut connection continues where it stopped).
 */
@Command(name = "enrol", mixinStandardHelpOptions = true,
        description = "Enrol this workstation: register it centrally, create the encrypted replica, load it.")
final class EnrolCommand implements Callable<Integer> {

    @ParentCommand
    ShebaoCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--central-url", required = true, description = "JDBC URL of the central database (no credentials in it).")
    String centralUrl;

    @Option(names = "--user", required = true, description = "This workstation's own central database account.")
    String user;

    @Option(names = "--password-env", defaultValue = GenerateCommand.PASSWORD_ENV, paramLabel = "VARIABLE",
            description = "Environment variable holding that account's password (default ${DEFAULT-VALUE}); it is then kept "
                    + "in the workstation's key store, never in a file in clear.")
    String passwordVariable;

    @Option(names = "--workstation-code", required = true, description = "e.g. HZ-XH-03 (centre, district, window).")
    String code;

    @Override
    public Integer call() throws Exception {
        Locale locale = Locale.getDefault();
        PrintWriter out = spec.commandLine().getOut();
        DataDirectory dir = parent.dataDirectory();
        String env = System.getenv(passwordVariable);
        char[] password = env == null ? new char[0] : env.toCharArray();
        try {
            new Enroller(dir).enrol(centralUrl, user, password, code, p -> {
                spec.commandLine().getErr().print("\r" + Messages.format(locale, "enrol.progress", p.table(), p.copied(), p.total()));
                spec.commandLine().getErr().flush();
            });
            spec.commandLine().getErr().println();
            out.println(Messages.format(locale, "enrol.done", code, dir.root().toString()));
        } finally {
            Arrays.fill(password, '\0');
        }
        return 0;
    }
}
