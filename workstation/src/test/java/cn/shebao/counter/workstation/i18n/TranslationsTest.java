package cn.shebao.counter.workstation.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.audit.AuditVerification;
import cn.shebao.counter.workstation.security.StaffRole;
import cn.shebao.counter.workstation.store.Replica;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Fails the build when a translation is missing or a view holds a user-visible string of its own. */
class TranslationsTest {

    private static final Path MAIN = Path.of("src/main/java/cn/shebao/counter/workstation");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff\\uff00-\\uffef\\u3000-\\u303f]");
    /** Text-setting calls in Swing code whose argument must come from the bundle. */
    private static final Pattern UI_CALL_WITH_LITERAL = Pattern.compile(
            "(setText|setTitle|setToolTipText|new JLabel|new JButton|new JToggleButton|new JCheckBox|new JRadioButton"
                    + "|new JMenu|new JMenuItem|createTitledBorder|showMessageDialog)\\(\\s*\"([^\"]*[A-Za-z\\u3400-\\u9fff][^\"]*)\"");
    private static final Pattern KEY_USE = Pattern.compile(
            "(?:text|format|LocalizedException|describe)\\((?:[^\"()]*,\\s*)?\"([a-z][A-Za-z]*(?:\\.[A-Za-z_]+)+)\"");

    @Test
    void chineseAndEnglishHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties zh = load("/cn/shebao/counter/workstation/i18n/messages.properties");
        Properties en = load("/cn/shebao/counter/workstation/i18n/messages_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
        for (String key : zh.stringPropertyNames()) {
            assertThat(zh.getProperty(key)).as(key).isNotBlank();
            assertThat(en.getProperty(key)).as(key).isNotBlank();
            assertThat(new MessageFormat(en.getProperty(key)).getFormats().length).as("placeholders of " + key)
                    .isEqualTo(new MessageFormat(zh.getProperty(key)).getFormats().length);
        }
        Properties deviceZh = load("/cn/shebao/counter/device/messages.properties");
        Properties deviceEn = load("/cn/shebao/counter/device/messages_en.properties");
        assertThat(deviceEn.stringPropertyNames()).isEqualTo(deviceZh.stringPropertyNames());
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Set<String> keys = load("/cn/shebao/counter/workstation/i18n/messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        for (Path file : javaFiles()) {
            Matcher m = KEY_USE.matcher(Files.readString(file));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        // Keys built from enum names.
        Stream.of(StaffRole.values()).forEach(r -> used.add("role." + r.name()));
        Stream.of(cn.shebao.counter.workstation.sync.SyncEngine.Problem.values()).forEach(p -> used.add("sync.problem." + p.name()));
        Stream.of(cn.shebao.counter.workstation.app.ReaderStatus.State.values()).forEach(r -> used.add("status.reader." + r.name()));
        Stream.of(Replica.Step.values()).forEach(s -> used.add("startup.step." + s.name()));
        Stream.of(AuditVerification.Kind.values()).forEach(k -> used.add("audit.problem." + k.name()));
        for (String feature : List.of("CITIZEN_LOOKUP", "IDENTITY", "SPECIAL_DRUGS", "APPROVALS", "CERTIFICATES", "SYNC", "AUDIT", "SETTINGS")) {
            used.add("feature." + feature);
        }
        Stream.of("LIGHT", "DARK").forEach(t -> used.add("settings.theme." + t));
        Stream.of("ZH_CN", "EN").forEach(l -> used.add("settings.language." + l));
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }

    @Test
    void viewsHoldNoUserVisibleStringsOfTheirOwn() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : javaFiles()) {
            String rel = MAIN.relativize(file).toString();
            if (!(rel.startsWith("shell") || rel.startsWith("app"))) {
                continue; // demo data and domain catalogues legitimately hold Chinese data values
            }
            String source = stripComments(Files.readString(file));
            Matcher call = UI_CALL_WITH_LITERAL.matcher(source);
            while (call.find()) {
                offences.add(rel + ": " + call.group());
            }
            Matcher literal = LITERAL.matcher(source);
            while (literal.find()) {
                if (CJK.matcher(literal.group(1)).find()) {
                    offences.add(rel + ": " + literal.group());
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void theScanWouldCatchAnOffence() {
        assertThat(UI_CALL_WITH_LITERAL.matcher("label.setText(\"Save\")").find()).isTrue();
        assertThat(UI_CALL_WITH_LITERAL.matcher("new JButton(\"保存\")").find()).isTrue();
        assertThat(UI_CALL_WITH_LITERAL.matcher("message.setText(\" \")").find()).isFalse();
        assertThat(CJK.matcher("保存").find()).isTrue();
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    private static String stripComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
