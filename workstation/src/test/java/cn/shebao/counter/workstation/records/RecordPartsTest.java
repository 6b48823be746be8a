package cn.shebao.counter.workstation.records;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.citizen.RecordTab;
import org.junit.jupiter.api.Test;

/** An open record's parts are read (and audited) once each, and a failed part is read again when chosen again. */
class RecordPartsTest {

    private final RecordParts parts = new RecordParts();

    @Test
    void theBasicPartCameWithTheOpeningAndEveryOtherIsReadOnceWhenFirstChosen() {
        assertThat(parts.startReading(RecordTab.BASIC)).as("read and audited by the opening").isFalse();
        assertThat(parts.startReading(RecordTab.CONTRIBUTIONS)).isTrue();
        assertThat(parts.startReading(RecordTab.CONTRIBUTIONS)).as("chosen again while being read").isFalse();
        parts.read(RecordTab.CONTRIBUTIONS);
        assertThat(parts.startReading(RecordTab.CONTRIBUTIONS)).as("chosen again after it was read").isFalse();
        assertThat(parts.state(RecordTab.CONTRIBUTIONS)).isEqualTo(RecordParts.State.READ);
        assertThat(parts.state(RecordTab.MATERNITY)).isEqualTo(RecordParts.State.NOT_READ);
    }

    @Test
    void aPartWhoseReadingFailedIsReadAgainWhenChosenAgain() {
        assertThat(parts.startReading(RecordTab.RETIREMENT)).isTrue();
        parts.failed(RecordTab.RETIREMENT);
        assertThat(parts.state(RecordTab.RETIREMENT)).isEqualTo(RecordParts.State.FAILED);
        assertThat(parts.startReading(RecordTab.RETIREMENT)).isTrue();
        assertThat(parts.state(RecordTab.RETIREMENT)).isEqualTo(RecordParts.State.READING);
        parts.read(RecordTab.RETIREMENT);
        assertThat(parts.startReading(RecordTab.RETIREMENT)).isFalse();
    }
}
