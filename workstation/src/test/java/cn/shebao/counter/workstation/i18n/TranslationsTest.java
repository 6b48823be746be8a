package cn.shebao.counter.workstation.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.audit.AuditVerification;
import cn.shebao.counter.workstation.command.StaffRole;
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
            "\\b(?:text|format|LocalizedException|describe|t)\\((?:[^\"()]*,\\s*)?\"([a-z][A-Za-z]*(?:\\.[A-Za-z_]+)+)\"");

    /** Keys the record views build from a short name: col("base") is column.base, field(panel, "phone") is field.phone. */
    private static final Pattern PREFIXED_KEY_USE = Pattern.compile("\\b(col|field)\\((?:panel,\\s*)?\"([a-zA-Z]+)\"");

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
            String source = Files.readString(file);
            Matcher m = KEY_USE.matcher(source);
            while (m.find()) {
                used.add(m.group(1));
            }
            Matcher prefixed = PREFIXED_KEY_USE.matcher(source);
            while (prefixed.find()) {
                used.add(("col".equals(prefixed.group(1)) ? "column." : "field.") + prefixed.group(2));
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
        enumKeys(used, "purpose", cn.shebao.counter.workstation.citizen.AccessPurpose.values());
        enumKeys(used, "tab", cn.shebao.counter.workstation.citizen.RecordTab.values());
        enumKeys(used, "gender", cn.shebao.counter.device.id.Gender.values());
        enumKeys(used, "person", cn.shebao.counter.workstation.citizen.PersonStatus.values());
        enumKeys(used, "category", cn.shebao.counter.workstation.citizen.RetirementCategory.values());
        enumKeys(used, "insurance", cn.shebao.counter.workstation.citizen.InsuranceType.values());
        enumKeys(used, "participation", cn.shebao.counter.workstation.citizen.ParticipationStatus.values());
        enumKeys(used, "contribution", cn.shebao.counter.workstation.citizen.ContributionStatus.values());
        enumKeys(used, "payment", cn.shebao.counter.workstation.citizen.PaymentStatus.values());
        enumKeys(used, "visit", cn.shebao.counter.workstation.citizen.VisitType.values());
        enumKeys(used, "injury", cn.shebao.counter.workstation.citizen.WorkInjuryStatus.values());
        enumKeys(used, "delivery", cn.shebao.counter.workstation.citizen.DeliveryType.values());
        enumKeys(used, "benefit", cn.shebao.counter.workstation.citizen.BenefitStatus.values());
        enumKeys(used, "registration", cn.shebao.counter.workstation.citizen.RegistrationStatus.values());
        enumKeys(used, "application", cn.shebao.counter.workstation.drugs.ApplicationStatus.values());
        enumKeys(used, "document", cn.shebao.counter.workstation.certificates.DocumentType.values());
        used.addAll(List.of("verify.valid", "verify.validReprint"));
        // The initial load's progress names each table it copies in words (issue 18: raw table names showed).
        cn.shebao.counter.workstation.schema.ReplicatedTables.IN_ORDER.forEach(t -> used.add("table." + t));
        Stream.of("ZH_CN", "EN").forEach(l -> used.add("settings.language." + l));
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }

    /** The calls that write an audit entry, up to the end of the statement, and the action codes written in them. */
    private static final Pattern AUDIT_CALL = Pattern.compile("(?:new AuditEntry\\(|audited\\(|AuditEntry\\.system\\(|logout\\(|entry\\()([^;]*?);",
            Pattern.DOTALL);
    private static final Pattern ACTION_LITERAL = Pattern.compile("\"([a-z][A-Za-z]*(?:\\.[a-z][A-Za-z]*)+|logout)\"");

    @Test
    void everyAuditedActionReadsInWordsInTheAuditScreenAndItsExtract() throws IOException {
        Set<String> keys = load("/cn/shebao/counter/workstation/i18n/messages.properties").stringPropertyNames();
        Set<String> actions = new TreeSet<>();
        for (Path file : javaFiles()) {
            Matcher call = AUDIT_CALL.matcher(stripComments(Files.readString(file)));
            while (call.find()) {
                Matcher literal = ACTION_LITERAL.matcher(call.group(1));
                while (literal.find()) {
                    actions.add(literal.group(1));
                }
            }
        }
        assertThat(actions).as("the scan finds the literal actions").contains("document.issued", "login.success", "logout");
        // Actions put together from enum names where they are written.
        for (var method : cn.shebao.counter.workstation.identity.ConfirmationMethod.values()) {
            for (var result : cn.shebao.counter.workstation.identity.ConfirmationResult.values()) {
                actions.add("identity." + method.name().toLowerCase(java.util.Locale.ROOT) + "." + result.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        for (var status : cn.shebao.counter.workstation.drugs.ApplicationStatus.values()) {
            actions.add("drug." + status.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (var type : cn.shebao.counter.workstation.command.CommandType.values()) {
            if (type.name().startsWith("CREDENTIAL_")) {
                actions.add("credential." + type.name().substring("CREDENTIAL_".length()).toLowerCase(java.util.Locale.ROOT));
            }
        }
        assertThat(actions.stream().map(a -> "audit.action." + a).filter(k -> !keys.contains(k)).toList()).isEmpty();
    }

    private static void enumKeys(Set<String> used, String prefix, Enum<?>[] values) {
        Stream.of(values).forEach(v -> used.add(prefix + "." + v.name()));
    }

    @Test
    void apostrophesSurviveMessageFormat() throws IOException {
        // MessageFormat eats a single quote in a pattern with arguments; such texts must double it.
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties p = load("/cn/shebao/counter/workstation/i18n/" + bundle);
            for (String key : p.stringPropertyNames()) {
                String v = p.getProperty(key);
                if (v.contains("{0}")) {
                    assertThat(v.replace("''", "")).as(bundle + " " + key).doesNotContain("'");
                }
            }
        }
    }

    @Test
    void viewsHoldNoUserVisibleStringsOfTheirOwn() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : javaFiles()) {
            String rel = MAIN.relativize(file).toString();
            if (rel.startsWith("demo")) {
                continue; // demo data and its catalogues legitimately hold Chinese data values
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
