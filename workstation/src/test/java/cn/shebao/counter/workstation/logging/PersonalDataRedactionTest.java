package cn.shebao.counter.workstation.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class PersonalDataRedactionTest {

    @Test
    void idNumbersPhoneNumbersAndChineseTextAreMaskedAndTheRestKept() {
        assertThat(PersonalDataRedaction.line("ERROR 22001: truncation shrinking VARCHAR '张伟 11010519491231002X 13800138000' to length 10"))
                .isEqualTo("ERROR 22001: truncation shrinking VARCHAR '[text] [number] [number]' to length 10");
        assertThat(PersonalDataRedaction.line("\tat org.apache.derby.impl.store.raw.data.CachedPage.readPage(CachedPage.java:123)"))
                .isEqualTo("\tat org.apache.derby.impl.store.raw.data.CachedPage.readPage(CachedPage.java:123)");
        assertThat(PersonalDataRedaction.line("2026-12-02 10:15:00.123 GMT Thread[main,5,main] Page(7,Container(0, 1104)) sequence 42"))
                .isEqualTo("2026-12-02 10:15:00.123 GMT Thread[main,5,main] Page(7,Container(0, 1104)) sequence 42");
    }

    @Test
    void hexDumpsAreDroppedWholeWithOneMarker() throws Exception {
        StringWriter out = new StringWriter();
        try (RedactingWriter w = new RedactingWriter(out)) {
            w.write("ERROR XSDG2: Invalid checksum on Page Page(7,Container(0, 1104))\n");
            w.write("0000: 4f2c 0a11 e5bc a0e4 bc9f 3131 3031 3035  O,..........1105\n");
            w.write("0010: 3139 3439 3132 3331 3030 3258 0000 0000  19491231002X....\n");
            w.write("c3a5bca0e4bc9f31313031303531393439313233313030325800000000000000000000\n");
            w.write("end of dump\n");
        }
        assertThat(out.toString()).contains("XSDG2").contains("end of dump").doesNotContain("4f2c").doesNotContain("1949")
                .containsOnlyOnce("[dump removed");
    }
}
