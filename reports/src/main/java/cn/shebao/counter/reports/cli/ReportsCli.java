package cn.shebao.counter.reports.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Command line of the reports module: {@code java -jar reports/target/shebao-reports.jar --help}.
 * Rendering subcommands arrive with the reports issue; until then it offers help and version only
 * and says so instead of pretending to render.
 */
@Command(name = "shebao-reports", mixinStandardHelpOptions = true, versionProvider = ReportsCli.Version.class,
        description = {"Certificates, statements, credential slips and notices for Shebao Counter.",
                "No report templates are bundled in this build yet."})
public final class ReportsCli implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReportsCli()).execute(args));
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    /** Reads the version Maven writes into the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ReportsCli.class.getPackage().getImplementationVersion();
            return new String[] {"shebao-reports " + (v == null ? "(development build)" : v)};
        }
    }
}
