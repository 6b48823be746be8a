package cn.shebao.counter.device.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Byte-exact frames from the reader fact sheet (sections 1.2 and 1.3). */
class Ga467FrameTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @ParameterizedTest
    @CsvSource({
        "RESET_SAM, AA AA AA 96 69 00 03 10 FF EC",
        "SAM_STATUS, AA AA AA 96 69 00 03 11 FF ED",
        "READ_SAM_ID, AA AA AA 96 69 00 03 12 FF EE",
        "FIND_CARD, AA AA AA 96 69 00 03 20 01 22",
        "SELECT_CARD, AA AA AA 96 69 00 03 20 02 21",
        "READ_TEXT_PHOTO, AA AA AA 96 69 00 03 30 01 32",
        "READ_NEWEST_ADDRESS, AA AA AA 96 69 00 03 30 03 30",
        "READ_TEXT_PHOTO_FINGERPRINT, AA AA AA 96 69 00 03 30 10 23",
        "SET_BAUD_115200, AA AA AA 96 69 00 03 60 00 63",
    })
    void requestFramesAreByteExact(Command command, String frame) throws FrameException {
        assertThat(command.frame()).isEqualTo(hex(frame));
        assertThat(Command.of(Ga467Frame.unwrap(hex(frame)))).isEqualTo(command);
    }

    @ParameterizedTest
    @CsvSource({
        "SUCCESS, 0, AA AA AA 96 69 00 04 00 00 90 94",
        "SELF_TEST_FAILED, 0, AA AA AA 96 69 00 04 00 00 60 64",
        "CARD_FOUND, 4, AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97",
        "NO_CARD, 0, AA AA AA 96 69 00 04 00 00 80 84",
        "SUCCESS, 8, AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C",
        "SELECT_FAILED, 0, AA AA AA 96 69 00 04 00 00 81 85",
        "READ_FAILED, 0, AA AA AA 96 69 00 04 00 00 41 45",
    })
    void responseFramesAreByteExactAndParse(ModuleStatus status, int dataLength, String frame) throws FrameException {
        assertThat(Response.frame(status, new byte[dataLength])).isEqualTo(hex(frame));
        Response r = Response.of(Ga467Frame.unwrap(hex(frame)));
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.data()).hasSize(dataLength);
    }

    @Test
    void aLateAnswerToAnotherCommandIsRecognisedByItsShape() {
        Response found = new Response(0, 0, 0x9F, new byte[4]);
        Response selected = new Response(0, 0, 0x90, new byte[8]);
        Response read = new Response(0, 0, 0x90, new byte[4 + 256 + 1024]);
        assertThat(Command.FIND_CARD.accepts(found)).isTrue();
        assertThat(Command.SELECT_CARD.accepts(found)).isFalse();
        assertThat(Command.SELECT_CARD.accepts(selected)).isTrue();
        assertThat(Command.READ_TEXT_PHOTO.accepts(selected)).isFalse();
        assertThat(Command.READ_TEXT_PHOTO.accepts(read)).isTrue();
        assertThat(Command.FIND_CARD.accepts(read)).isFalse();
        assertThat(Command.SELECT_CARD.accepts(new Response(0, 0, 0x24, new byte[0]))).isTrue();
    }

    @Test
    void everyListedStatusCodeMaps() {
        for (ModuleStatus s : ModuleStatus.values()) {
            if (s != ModuleStatus.UNLISTED) {
                assertThat(ModuleStatus.of(s.code())).isEqualTo(s);
            }
        }
        assertThat(ModuleStatus.of(0x55)).isEqualTo(ModuleStatus.UNLISTED);
    }

    @Test
    void unwrapRefusesEachKindOfDamage() {
        assertThatThrownBy(() -> Ga467Frame.unwrap(hex("AA AA AA 96 68 00 04 00 00 90 94")))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.problem()).isEqualTo(FrameException.Problem.NO_PREAMBLE));
        assertThatThrownBy(() -> Ga467Frame.unwrap(hex("AA AA AA 96 69 00 04 00 00 90 95")))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.problem()).isEqualTo(FrameException.Problem.BAD_CHECKSUM));
        assertThatThrownBy(() -> Ga467Frame.unwrap(hex("AA AA AA 96 69 00 04 00 00 90")))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.problem()).isEqualTo(FrameException.Problem.TRUNCATED));
        assertThatThrownBy(() -> Ga467Frame.unwrap(hex("AA AA AA 96 69 FF FF 00")))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.problem()).isEqualTo(FrameException.Problem.BAD_LENGTH));
    }

    @Test
    void decoderResynchronisesAfterGarbageBadChecksumAndTruncation() {
        byte[] ok = hex("AA AA AA 96 69 00 04 00 00 90 94");
        byte[] noCard = hex("AA AA AA 96 69 00 04 00 00 80 84");
        byte[] badChk = hex("AA AA AA 96 69 00 04 00 00 90 95");
        byte[] truncated = hex("AA AA AA 96 69 00 08 00 00 9F 00");
        byte[] stream = concat(hex("00 FF AA 13 AA AA"), ok, badChk, hex("42 42"), truncated, noCard, ok);
        FrameDecoder d = new FrameDecoder();
        List<FrameDecoder.Result> results = new ArrayList<>();
        for (byte b : stream) { // one byte at a time: the worst a serial port does
            d.feed(new byte[] {b}, 0, 1);
            for (FrameDecoder.Result r; (r = d.next()) != null; ) {
                results.add(r);
            }
        }
        assertThat(results).hasSizeGreaterThanOrEqualTo(4);
        assertThat(results.get(0)).isInstanceOfSatisfying(FrameDecoder.Result.Body.class,
                b -> assertThat(b.body()).containsExactly(0, 0, 0x90));
        assertThat(results).filteredOn(r -> r instanceof FrameDecoder.Result.Damaged).isNotEmpty();
        // The frames after the damage still come through, in order.
        List<byte[]> bodies = results.stream().filter(r -> r instanceof FrameDecoder.Result.Body)
                .map(r -> ((FrameDecoder.Result.Body) r).body()).toList();
        assertThat(bodies.get(bodies.size() - 1)).containsExactly(0, 0, 0x90);
        assertThat(bodies.get(bodies.size() - 2)).containsExactly(0, 0, 0x80);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
