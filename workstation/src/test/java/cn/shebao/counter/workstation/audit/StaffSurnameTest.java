package cn.shebao.counter.workstation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaffSurnameTest {

    @Test
    void aCitizenIsToldTheSurnameWholeAndNothingMore() {
        assertThat(StaffSurname.of("王磊")).isEqualTo("王");
        assertThat(StaffSurname.of("欧阳明")).isEqualTo("欧阳");
        assertThat(StaffSurname.of("司马相如")).isEqualTo("司马");
        assertThat(StaffSurname.of("欧阳")).isEqualTo("欧"); // two characters: surname 欧, given name 阳
        assertThat(StaffSurname.of(" 陈静 ")).isEqualTo("陈");
        assertThat(StaffSurname.of(null)).isEqualTo("—");
        assertThat(StaffSurname.of(" ")).isEqualTo("—");
    }
}
