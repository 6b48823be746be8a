package cn.shebao.counter.reports.render;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** A document could not be produced; the message is translated and names the template. */
public final class ReportException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Problem { TEMPLATE_MISSING, FILL_FAILED, EXPORT_FAILED, PRINTER_NOT_FOUND, PRINT_REJECTED }

    private final Problem problem;
    private final String template;

    public ReportException(Problem problem, String template, Throwable cause) {
        super(problem + " " + template, cause);
        this.problem = problem;
        this.template = template;
    }

    public Problem problem() {
        return problem;
    }

    public String message(Locale locale) {
        ResourceBundle b = ResourceBundle.getBundle("cn.shebao.counter.reports.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return MessageFormat.format(b.getString("report.error." + problem.name()), template);
    }
}
