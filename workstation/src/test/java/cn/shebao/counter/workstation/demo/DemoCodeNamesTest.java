package cn.shebao.counter.workstation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.citizen.CodeNames;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Issue 18: every code the demo records hold is shown with its name, and the demo names agree with the table. */
class DemoCodeNamesTest {

    private final CodeNames names = CodeNames.bundled();

    @Test
    void everyDiagnosisTheDemoUsesHasItsNameAndTheSameOne() {
        for (MedicalCatalogue.Diagnosis dx : MedicalCatalogue.COMMON) {
            assertThat(names.diagnosisName(dx.code())).as(dx.code()).hasValue(dx.name());
        }
        for (MedicalCatalogue.Diagnosis dx : MedicalCatalogue.SPECIFIED) {
            assertThat(names.diagnosisName(dx.code())).as(dx.code()).hasValue(dx.name());
        }
        for (MedicalCatalogue.Drug drug : MedicalCatalogue.DRUGS) {
            Arrays.stream(drug.indications().split(",")).forEach(code ->
                    assertThat(names.diagnosisName(code)).as("indication %s of %s", code, drug.name()).isPresent());
        }
        assertThat(names.diagnosis("C34.9")).isEqualTo("C34.9 肺恶性肿瘤");
        assertThat(names.diagnosis("X99.9")).as("a code without a name is shown bare").isEqualTo("X99.9");
        assertThat(names.diagnosis(null)).isEmpty();
    }

    @Test
    void everyAreaTheDemoUsesHasItsName() {
        for (HangzhouGeography.District d : HangzhouGeography.DISTRICTS) {
            assertThat(names.areaName(d.code())).as(d.code()).hasValueSatisfying(n -> assertThat(n).contains(d.name()));
        }
        for (String code : HangzhouGeography.ELSEWHERE) {
            assertThat(names.areaName(code)).as(code).isPresent();
        }
        assertThat(names.area("330108")).isEqualTo("330108 杭州市滨江区");
    }
}
