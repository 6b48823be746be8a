package cn.shebao.counter.workstation.drugs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SpecialDrugTest {

    @Test
    void indicationsArePrefixesOfTheDiagnosisCode() {
        SpecialDrug drug = new SpecialDrug(UUID.randomUUID());
        drug.setIndicationCodes("C34, C50");
        assertThat(drug.indicates("C34.9")).isTrue();
        assertThat(drug.indicates("C50")).isTrue();
        assertThat(drug.indicates("C3")).isFalse();
        assertThat(drug.indicates("M05.9")).isFalse();
    }
}
