package cn.shebao.counter.reports.cli;

import cn.shebao.counter.reports.ReportTemplate;
import cn.shebao.counter.reports.overrides.TemplateRestrictions;
import cn.shebao.counter.reports.overrides.TemplateSigning;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.xml.JRXmlLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sign}: IT signs a centre template before it goes to the workstations. A template the workstations would
 * refuse (an unknown name, or outside {@link TemplateRestrictions}) is not signed, so the mistake shows here and
 * not at every window.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "Sign centre templates with the template key: writes <name>.jrxml.sig beside each one.")
final class SignCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--private-key", required = true, paramLabel = "FILE", description = "From template-key.")
    Path privateKey;

    @Parameters(arity = "1..*", paramLabel = "TEMPLATE.jrxml")
    List<Path> templates;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrivateKey key = TemplateSigning.readPrivateKey(privateKey);
        int refused = 0;
        for (Path jrxml : templates) {
            String file = jrxml.getFileName().toString();
            if (Arrays.stream(ReportTemplate.values()).noneMatch(t -> file.equals(t.fileName() + ".jrxml"))) {
                err.println(jrxml + ": not a template the workstation prints (" + Arrays.stream(ReportTemplate.values())
                        .map(t -> t.fileName() + ".jrxml").toList() + "); not signed.");
                refused++;
                continue;
            }
            List<TemplateRestrictions.Violation> violations;
            try {
                violations = TemplateRestrictions.check(JRXmlLoader.load(jrxml.toFile()));
            } catch (JRException e) {
                err.println(jrxml + ": cannot be read (" + e.getMessage() + "); not signed.");
                refused++;
                continue;
            }
            if (!violations.isEmpty()) {
                err.println(jrxml + ": breaks the rules for centre templates; not signed:");
                violations.forEach(v -> err.println("  " + v.rule() + ": " + v.detail()));
                refused++;
                continue;
            }
            out.println(TemplateSigning.sign(key, jrxml));
        }
        return refused == 0 ? 0 : 1;
    }
}
