package cn.shebao.counter.workstation.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader.properties IT got wrong leaves the counter starting, the reader off and the problem said. */
class ReaderConnectionTest {

    @TempDir
    Path data;

    @Test
    void aBaudThatIsNoNumberIsAProblemNotACounterThatWillNotStart() throws Exception {
        Files.writeString(data.resolve(ReaderConnection.CONFIG_FILE), "port=/dev/ttyUSB0\nbaud=fast\n");
        try (ReaderConnection reader = ReaderConnection.configured(data, Clock.systemUTC())) {
            assertThat(reader.problem()).hasValueSatisfying(p -> assertThat(p).contains("baud=fast"));
            assertThat(reader.configuredReader()).isFalse();
            ReaderStatus status = new ReaderStatus();
            status.misconfigured();
            assertThat(status.state()).isEqualTo(ReaderStatus.State.MISCONFIGURED);
        }
    }

    @Test
    void aCitysLayoutFileThatIsMissingOrWrongIsNamed() throws Exception {
        Path config = data.resolve(ReaderConnection.CONFIG_FILE);
        Files.writeString(config, "pcsc=true\npcsc.layouts=hangzhou.properties\n");
        try (ReaderConnection reader = ReaderConnection.configured(data, Clock.systemUTC())) {
            assertThat(reader.problem()).hasValueSatisfying(p -> assertThat(p).contains("hangzhou.properties"));
        }
        Files.writeString(data.resolve("hangzhou.properties"), "card.name=杭州市民卡\ncard.aid=zz\n");
        try (ReaderConnection reader = ReaderConnection.configured(data, Clock.systemUTC())) {
            assertThat(reader.problem()).hasValueSatisfying(p -> assertThat(p).contains("card.aid"));
        }
    }

    @Test
    void aGoodConfigurationHasNoProblem() throws Exception {
        Files.writeString(data.resolve(ReaderConnection.CONFIG_FILE), "port=/dev/ttyUSB9\nbaud=115200\n");
        try (ReaderConnection reader = ReaderConnection.configured(data, Clock.systemUTC())) {
            assertThat(reader.problem()).isEmpty();
            assertThat(reader.configuredReader()).isTrue();
        }
    }
}
