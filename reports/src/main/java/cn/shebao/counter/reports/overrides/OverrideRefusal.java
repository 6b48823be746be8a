package cn.shebao.counter.reports.overrides;

import cn.shebao.counter.reports.ReportTemplate;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * A centre template that was found and not used, and why; the bundled template prints instead.
 *
 * @param violations the rules a signed template broke ({@link Reason#NOT_ALLOWED}), otherwise empty
 * @param detail JasperReports' own message for a template it cannot read or compile ({@link Reason#BROKEN}),
 *     otherwise empty; it names template parts, never data, because nothing has been filled yet
 */
public record OverrideRefusal(ReportTemplate template, Reason reason, List<TemplateRestrictions.Violation> violations,
        String detail) {

    public enum Reason {
        /** IT configured no template key on this workstation, so no override can be trusted. */
        NO_KEY,
        /** No {@code .sig} file beside the template. */
        NOT_SIGNED,
        /** The signature is not the centre key's signature of this template with these bytes. */
        BAD_SIGNATURE,
        /** Signed, but the template uses something that could run code (see {@link TemplateRestrictions}). */
        NOT_ALLOWED,
        /** Signed and within the rules, but JasperReports cannot read or compile it. */
        BROKEN
    }

    /** How many broken rules the message quotes; the log has them all. */
    private static final int RULES_SHOWN = 3;

    public OverrideRefusal {
        violations = List.copyOf(violations);
        detail = detail == null ? "" : detail;
    }

    static OverrideRefusal of(ReportTemplate template, Reason reason) {
        return new OverrideRefusal(template, reason, List.of(), "");
    }

    public String message(Locale locale) {
        ResourceBundle b = bundle(locale);
        String what = reason == Reason.NOT_ALLOWED
                ? violations.stream().limit(RULES_SHOWN).map(v -> MessageFormat.format(
                        b.getString("override.rule." + v.rule().name()), v.detail())).collect(Collectors.joining("; "))
                : detail;
        String why = MessageFormat.format(b.getString("override.refused." + reason.name()), what);
        return MessageFormat.format(b.getString("override.refused"), template.fileName() + ".jrxml", why);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("cn.shebao.counter.reports.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
