package cn.shebao.counter.reports.cli;

import cn.shebao.counter.reports.ReportTemplate;
import cn.shebao.counter.reports.data.JsonReportData;
import cn.shebao.counter.reports.data.SampleDocuments;
import cn.shebao.counter.reports.render.ReportException;
import cn.shebao.counter.reports.render.ReportPrinter;
import cn.shebao.counter.reports.render.ReportRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line of the reports module: {@code java -jar reports/target/shebao-reports.jar --help}. */
@Command(name = "shebao-reports", mixinStandardHelpOptions = true, versionProvider = ReportsCli.Version.class,
        description = "Certificates, statements, credential slips and notices for Shebao Counter.",
        subcommands = {ReportsCli.Samples.class, ReportsCli.Render.class, ReportsCli.Printers.class, TemplateKeyCommand.class,
                SignCommand.class, CommandLine.HelpCommand.class})
public final class ReportsCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Process entry point only: the exit status tells scripts whether rendering succeeded.
        System.exit(new CommandLine(new ReportsCli()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Renders every template with its built-in sample data. */
    @Command(name = "samples", mixinStandardHelpOptions = true, description = "Render every template with sample data to DIR/<template>.pdf.")
    static final class Samples implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR")
        Path out;

        @Override
        public Integer call() throws IOException {
            Files.createDirectories(out);
            ReportRenderer renderer = new ReportRenderer();
            for (ReportTemplate t : ReportTemplate.values()) {
                try {
                    Path file = out.resolve(t.fileName() + ".pdf");
                    Files.write(file, renderer.pdf(SampleDocuments.of(t)));
                    spec.commandLine().getOut().println(file);
                } catch (ReportException e) {
                    spec.commandLine().getErr().println(e.message(Locale.getDefault()));
                    return 1;
                }
            }
            return 0;
        }
    }

    /** Renders one template with data from a JSON file. */
    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "Render --template NAME with --data FILE.json ({\"parameters\":{...},\"rows\":[...]}) to --out FILE.pdf.")
    static final class Render implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--template", required = true, description = "One of: participation-certificate, "
                + "rights-record-statement, credential-slip, drug-decision-notice, pension-statement.")
        String template;

        @Option(names = "--data", required = true)
        Path data;

        @Option(names = "--out", required = true)
        Path out;

        @Override
        public Integer call() throws IOException {
            ReportTemplate chosen = Arrays.stream(ReportTemplate.values())
                    .filter(t -> t.fileName().equals(template)).findFirst().orElse(null);
            if (chosen == null) {
                spec.commandLine().getErr().println("unknown template " + template);
                return 2;
            }
            try {
                Files.write(out, new ReportRenderer().pdf(JsonReportData.parse(chosen,
                        Files.readString(data, StandardCharsets.UTF_8))));
                spec.commandLine().getOut().println(out);
                return 0;
            } catch (ReportException e) {
                spec.commandLine().getErr().println(e.message(Locale.getDefault()));
                return 1;
            }
        }
    }

    /** Lists the printers the Java Print Service sees, by the exact names the workstation uses. */
    @Command(name = "printers", mixinStandardHelpOptions = true, description = "List the printers this machine offers.")
    static final class Printers implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ReportPrinter.printers().forEach(spec.commandLine().getOut()::println);
            return 0;
        }
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
