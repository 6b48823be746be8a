package cn.shebao.counter.reports.overrides;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.sf.jasperreports.barcode4j.BarcodeComponent;
import net.sf.jasperreports.barcode4j.QRCodeComponent;
import net.sf.jasperreports.crosstabs.JRCrosstab;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRBreak;
import net.sf.jasperreports.engine.JRComponentElement;
import net.sf.jasperreports.engine.JRDataset;
import net.sf.jasperreports.engine.JRElement;
import net.sf.jasperreports.engine.JRElementGroup;
import net.sf.jasperreports.engine.JREllipse;
import net.sf.jasperreports.engine.JRExpression;
import net.sf.jasperreports.engine.JRExpressionChunk;
import net.sf.jasperreports.engine.JRExpressionCollector;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRFrame;
import net.sf.jasperreports.engine.JRGenericElement;
import net.sf.jasperreports.engine.JRImage;
import net.sf.jasperreports.engine.JRLine;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRPropertiesHolder;
import net.sf.jasperreports.engine.JRRectangle;
import net.sf.jasperreports.engine.JRReport;
import net.sf.jasperreports.engine.JRStaticText;
import net.sf.jasperreports.engine.JRSubreport;
import net.sf.jasperreports.engine.JRTextField;
import net.sf.jasperreports.engine.JRVariable;
import net.sf.jasperreports.engine.JRVisitor;
import net.sf.jasperreports.engine.util.JRElementsVisitor;
import java.util.Collections;
import java.util.IdentityHashMap;

/**
 * What a centre's template may contain: layout, text, the data the workstation passes in, and QR codes of it;
 * nothing that runs code of the template's choosing.
 *
 * <p>JasperReports compiles every expression into a Java class and runs it while filling, and it instantiates
 * scriptlets, incrementer factories and format factories by class name; a signature alone would make a stolen
 * signing key, or a careless one, a way into the process that holds the unlocked replica. So every expression
 * the compiler would see (exactly the ones {@link JRExpressionCollector} hands it) may only join, with {@code +},
 * string literals and references to parameters, fields, variables and resources, which the compiler turns into
 * its own typed accessors. Literal text is checked as Java will read it: Java decodes {@code \}{@code u} escapes
 * before it reads a string literal, so one in a template could close the literal; any is refused. Value classes
 * are pasted into the generated source too, so they come from a short list. The bundled templates keep to these
 * rules (a test checks), so a centre can start from them.
 */
public final class TemplateRestrictions {

    /** What a refused template broke, with the offending part quoted in the message. */
    public enum Rule {
        LANGUAGE, IMPORTS, SCRIPTLET, FACTORY_CLASS, QUERY, DATASET, STYLE_TEMPLATE, ELEMENT, VALUE_CLASS,
        PROPERTY, EXPRESSION
    }

    public record Violation(Rule rule, String detail) {
    }

    private static final Set<String> VALUE_CLASSES = Set.of("java.lang.String", "java.math.BigDecimal",
            "java.lang.Integer", "java.lang.Long", "java.lang.Boolean", "java.util.Date", "java.time.LocalDate");
    /** Jaspersoft Studio's own layout notes; the engine ignores them. Every other property is engine behaviour. */
    private static final String DESIGNER_PROPERTIES = "com.jaspersoft.studio.";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    /** Whitespace, {@code +} and complete string literals with the simple escapes only. */
    private static final Pattern LITERAL_TEXT = Pattern.compile("(?:\\s|\\+|\"(?:[^\"\\\\\\r\\n]|\\\\[nt\"\\\\])*\")*");
    private static final int QUOTED = 80;

    private TemplateRestrictions() {
    }

    /** Every rule the template breaks; empty when it may be used. */
    public static List<Violation> check(JRReport report) {
        List<Violation> found = new ArrayList<>();
        if (report.getLanguage() != null && !"java".equalsIgnoreCase(report.getLanguage())) {
            found.add(new Violation(Rule.LANGUAGE, report.getLanguage()));
        }
        if (report.getImports() != null && report.getImports().length > 0) {
            found.add(new Violation(Rule.IMPORTS, String.join(", ", report.getImports())));
        }
        if (report.getFormatFactoryClass() != null) {
            found.add(new Violation(Rule.FACTORY_CLASS, report.getFormatFactoryClass()));
        }
        if (report.getTemplates() != null && report.getTemplates().length > 0) {
            found.add(new Violation(Rule.STYLE_TEMPLATE, String.valueOf(report.getTemplates().length)));
        }
        if (report.getDatasets() != null && report.getDatasets().length > 0) {
            found.add(new Violation(Rule.DATASET, report.getDatasets()[0].getName()));
        }
        properties(report, "report", found);
        dataset(report.getMainDataset(), found);
        JRElementsVisitor.visitReport(report, new ElementCheck(found));
        Set<JRExpression> builtIn = builtInExpressions(report.getMainDataset());
        for (JRExpression expression : JRExpressionCollector.collectExpressions(DefaultJasperReportsContext.getInstance(), report)) {
            if (!builtIn.contains(expression) && !plain(expression)) {
                found.add(new Violation(Rule.EXPRESSION, quote(expression.getText())));
            }
        }
        return found;
    }

    /**
     * The expressions of JasperReports' own variables (PAGE_NUMBER and the like start at {@code new Integer(1)}): made
     * by the engine when it creates the design, never read from the file, and so compared by identity.
     */
    private static Set<JRExpression> builtInExpressions(JRDataset dataset) {
        Set<JRExpression> builtIn = Collections.newSetFromMap(new IdentityHashMap<>());
        for (JRVariable v : dataset.getVariables()) {
            if (v.isSystemDefined()) {
                if (v.getExpression() != null) {
                    builtIn.add(v.getExpression());
                }
                if (v.getInitialValueExpression() != null) {
                    builtIn.add(v.getInitialValueExpression());
                }
            }
        }
        return builtIn;
    }

    private static void dataset(JRDataset dataset, List<Violation> found) {
        if (dataset.getScriptletClass() != null) {
            found.add(new Violation(Rule.SCRIPTLET, dataset.getScriptletClass()));
        }
        if (dataset.getScriptlets() != null && dataset.getScriptlets().length > 0) {
            found.add(new Violation(Rule.SCRIPTLET, dataset.getScriptlets()[0].getValueClassName()));
        }
        if (dataset.getQuery() != null) {
            found.add(new Violation(Rule.QUERY, quote(dataset.getQuery().getText())));
        }
        properties(dataset, "dataset", found);
        for (JRParameter p : dataset.getParameters()) {
            if (!p.isSystemDefined()) {
                valueClass(p.getValueClassName(), "parameter " + p.getName(), found);
                if (p.getNestedTypeName() != null) {
                    found.add(new Violation(Rule.VALUE_CLASS, "parameter " + p.getName() + ": " + p.getNestedTypeName()));
                }
                properties(p, "parameter " + p.getName(), found);
            }
        }
        for (JRField f : dataset.getFields()) {
            valueClass(f.getValueClassName(), "field " + f.getName(), found);
            properties(f, "field " + f.getName(), found);
        }
        for (JRVariable v : dataset.getVariables()) {
            if (!v.isSystemDefined()) {
                valueClass(v.getValueClassName(), "variable " + v.getName(), found);
                if (v.getIncrementerFactoryClassName() != null) {
                    found.add(new Violation(Rule.FACTORY_CLASS, v.getIncrementerFactoryClassName()));
                }
            }
        }
    }

    private static void valueClass(String className, String where, List<Violation> found) {
        if (className != null && !VALUE_CLASSES.contains(className)) {
            found.add(new Violation(Rule.VALUE_CLASS, where + ": " + quote(className)));
        }
    }

    private static void properties(JRPropertiesHolder holder, String where, List<Violation> found) {
        if (!holder.hasProperties()) {
            return;
        }
        for (String name : holder.getPropertiesMap().getPropertyNames()) {
            if (!name.startsWith(DESIGNER_PROPERTIES)) {
                found.add(new Violation(Rule.PROPERTY, where + ": " + quote(name)));
            }
        }
    }

    static boolean plain(JRExpression expression) {
        JRExpressionChunk[] chunks = expression.getChunks();
        if (chunks == null) {
            return true;
        }
        for (JRExpressionChunk chunk : chunks) {
            String text = chunk.getText() == null ? "" : chunk.getText();
            boolean ok = switch (chunk.getType()) {
                case JRExpressionChunk.TYPE_PARAMETER, JRExpressionChunk.TYPE_FIELD, JRExpressionChunk.TYPE_VARIABLE,
                        JRExpressionChunk.TYPE_RESOURCE -> NAME.matcher(text).matches();
                case JRExpressionChunk.TYPE_TEXT -> !text.contains("\\u") && LITERAL_TEXT.matcher(text).matches();
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String quote(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= QUOTED ? flat : flat.substring(0, QUOTED) + "…";
    }

    /** Layout and text elements, and QR codes or bar codes; no subreports, crosstabs, images or custom elements. */
    private static final class ElementCheck implements JRVisitor {
        private final List<Violation> found;

        ElementCheck(List<Violation> found) {
            this.found = found;
        }

        private void allowed(JRElement element) {
            properties(element, "element " + kind(element), found);
        }

        private void refused(JRElement element) {
            found.add(new Violation(Rule.ELEMENT, kind(element)));
        }

        private static String kind(JRElement element) {
            String key = element.getKey();
            return element.getClass().getSimpleName() + (key == null ? "" : " " + key);
        }

        @Override public void visitBreak(JRBreak element) { allowed(element); }
        @Override public void visitElementGroup(JRElementGroup group) { }
        @Override public void visitEllipse(JREllipse element) { allowed(element); }
        @Override public void visitFrame(JRFrame element) { allowed(element); }
        @Override public void visitLine(JRLine element) { allowed(element); }
        @Override public void visitRectangle(JRRectangle element) { allowed(element); }
        @Override public void visitStaticText(JRStaticText element) { allowed(element); }
        @Override public void visitTextField(JRTextField element) { allowed(element); }
        @Override public void visitCrosstab(JRCrosstab element) { refused(element); }
        @Override public void visitImage(JRImage element) { refused(element); }
        @Override public void visitSubreport(JRSubreport element) { refused(element); }
        @Override public void visitGenericElement(JRGenericElement element) { refused(element); }

        @Override
        public void visitComponentElement(JRComponentElement element) {
            if (element.getComponent() instanceof QRCodeComponent || element.getComponent() instanceof BarcodeComponent) {
                allowed(element);
            } else {
                refused(element);
            }
        }
    }
}
