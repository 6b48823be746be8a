package cn.shebao.counter.workstation.citizen;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The names beside the codes the records hold: ICD-10 diagnoses and GB/T 2260 areas, so a clerk reads "C34.9
 * 肺恶性肿瘤" and "330108 杭州市滨江区" rather than bare codes. The names are official Chinese names, the same in every
 * UI language. A reference table, immutable once loaded; a code without a name is shown as it is.
 */
public final class CodeNames {

    private static final CodeNames BUNDLED = new CodeNames(load("icd10-names.properties"), load("gb2260-names.properties"));

    private final Map<String, String> diagnoses;
    private final Map<String, String> areas;

    private CodeNames(Map<String, String> diagnoses, Map<String, String> areas) {
        this.diagnoses = diagnoses;
        this.areas = areas;
    }

    /** The names bundled with the workstation. */
    public static CodeNames bundled() {
        return BUNDLED;
    }

    public Optional<String> diagnosisName(String code) {
        return Optional.ofNullable(code == null ? null : diagnoses.get(code.strip()));
    }

    public Optional<String> areaName(String code) {
        return Optional.ofNullable(code == null ? null : areas.get(code.strip()));
    }

    /** "C34.9 肺恶性肿瘤", or the code alone when it has no name here. */
    public String diagnosis(String code) {
        return withName(code, diagnosisName(code));
    }

    /** "330108 杭州市滨江区", or the code alone. */
    public String area(String code) {
        return withName(code, areaName(code));
    }

    private static String withName(String code, Optional<String> name) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return name.map(n -> code.strip() + " " + n).orElse(code.strip());
    }

    private static Map<String, String> load(String resource) {
        try (InputStream in = CodeNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + resource);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p.stringPropertyNames().stream().collect(Collectors.toUnmodifiableMap(k -> k, p::getProperty));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
