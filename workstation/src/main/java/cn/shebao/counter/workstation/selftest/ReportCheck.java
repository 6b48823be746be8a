package cn.shebao.counter.workstation.selftest;

import cn.shebao.counter.reports.data.SampleDocuments;
import cn.shebao.counter.reports.render.ReportException;
import cn.shebao.counter.reports.render.ReportRenderer;
import cn.shebao.counter.workstation.i18n.Messages;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sample certificate renders to PDF in memory, and every font in it is the bundled Noto Sans SC, embedded: a
 * runtime without the font extension (or without AWT's font support) would print boxes or fall back silently.
 */
final class ReportCheck implements Check {

    static final String FONT = "NotoSansSC";
    private static final Pattern FONT_NAME = Pattern.compile("/FontName\\s*/(?:[A-Z]{6}\\+)?([^\\s/<>\\[\\]()]+)");
    private static final Pattern EMBEDDED = Pattern.compile("/FontFile[23]?\\s");

    @Override
    public String subject(Locale locale) {
        return Messages.format(locale, "selftest.report");
    }

    @Override
    public Outcome run(Locale locale) {
        long start = System.nanoTime();
        byte[] pdf;
        try {
            pdf = new ReportRenderer().pdf(SampleDocuments.certificate());
        } catch (ReportException e) {
            return Outcome.fail(Messages.format(locale, "selftest.report.failed", String.valueOf(e.getMessage())));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return judge(pdf, millis, locale);
    }

    /** Font descriptors are never in compressed object streams in OpenPDF's output, so the bytes can be read as text. */
    static Outcome judge(byte[] pdf, long millis, Locale locale) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Set<String> fonts = new TreeSet<>();
        Matcher m = FONT_NAME.matcher(text);
        int descriptors = 0;
        while (m.find()) {
            fonts.add(m.group(1));
            descriptors++;
        }
        long embedded = EMBEDDED.matcher(text).results().count();
        Set<String> foreign = new TreeSet<>(fonts);
        foreign.removeIf(f -> f.startsWith(FONT));
        if (fonts.isEmpty() || !foreign.isEmpty() || embedded < descriptors) {
            return Outcome.fail(Messages.format(locale, "selftest.report.fonts", String.join(", ", fonts),
                    descriptors, embedded));
        }
        return Outcome.pass(Messages.format(locale, "selftest.report.ok", pdf.length / 1024, millis, String.join(", ", fonts)));
    }
}
