package cn.shebao.counter.device.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.device.id.Gender;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class IdCardTextTest {

    /** Builds a text block straight from the fact sheet's offsets, independently of the encoder. */
    private static byte[] block(String name, String gender, String nation, String birth, String address, String id,
            String authority, String from, String to, char flag) {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i += 2) {
            b[i] = 0x20;
        }
        put(b, 0, name);
        put(b, 30, gender);
        put(b, 32, nation);
        put(b, 36, birth);
        put(b, 52, address);
        put(b, 122, id);
        put(b, 158, authority);
        put(b, 188, from);
        put(b, 204, to);
        put(b, 248, String.valueOf(flag));
        return b;
    }

    private static void put(byte[] b, int offset, String s) {
        byte[] u = s.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(u, 0, b, offset, u.length);
    }

    @Test
    void residentCardWithRareCharactersAndALongTermValidity() throws CardDecodingException {
        String id = CitizenIdNumber.of("330106", LocalDate.of(1958, 3, 9), 123).value();
        IdCard card = IdCardText.decode(block("欧阳堃喆", "1", "01", "19580309", "浙江省杭州市西湖区文三路100号",
                id, "杭州市公安局西湖分局", "20150601", "长期", ' '));
        assertThat(card.name()).isEqualTo("欧阳堃喆");
        assertThat(card.gender()).isEqualTo(Gender.MALE);
        assertThat(card.nationCode()).isEqualTo("01");
        assertThat(card.nationName()).isEqualTo("汉");
        assertThat(card.birthDate()).isEqualTo(LocalDate.of(1958, 3, 9));
        assertThat(card.address()).isEqualTo("浙江省杭州市西湖区文三路100号");
        assertThat(card.idNumber()).isEqualTo(id);
        assertThat(card.issuingAuthority()).isEqualTo("杭州市公安局西湖分局");
        assertThat(card.validFrom()).isEqualTo(LocalDate.of(2015, 6, 1));
        assertThat(card.validWithoutLimit()).isTrue();
        assertThat(card.validOn(LocalDate.of(2090, 1, 1))).isTrue();
        assertThat(card.type()).isEqualTo(CardType.RESIDENT);
        assertThat(card.toString()).doesNotContain(id);
        assertThat(IdCardText.encode(card)).isEqualTo(block("欧阳堃喆", "1", "01", "19580309", "浙江省杭州市西湖区文三路100号",
                id, "杭州市公安局西湖分局", "20150601", "长期", ' '));
    }

    @Test
    void fixedValidityAndExpiry() throws CardDecodingException {
        String id = CitizenIdNumber.of("330109", LocalDate.of(1990, 7, 1), 24).value();
        IdCard card = IdCardText.decode(block("玥", "2", "03", "19900701", "萧山", id, "杭州市公安局萧山分局",
                "20100701", "20200701", ' '));
        assertThat(card.validTo()).isEqualTo(LocalDate.of(2020, 7, 1));
        assertThat(card.validOn(LocalDate.of(2020, 7, 1))).isTrue();
        assertThat(card.validOn(LocalDate.of(2020, 7, 2))).isFalse();
        assertThat(card.nationName()).isEqualTo("回");
    }

    @Test
    void hongKongResidencePermitDecodes() throws CardDecodingException {
        String id = CitizenIdNumber.of("810000", LocalDate.of(1985, 12, 24), 31).value();
        byte[] b = block("陈大文", "1", "", "19851224", "广东省深圳市福田区", id, "深圳市公安局", "20190101", "20240101", 'J');
        put(b, 220, "H12345678");
        put(b, 238, "01");
        IdCard card = IdCardText.decode(b);
        assertThat(card.type()).isEqualTo(CardType.HMT_RESIDENCE_PERMIT);
        assertThat(card.passNumber()).isEqualTo("H12345678");
        assertThat(card.issueCount()).isEqualTo("01");
        assertThat(card.nationCode()).isNull();
        assertThat(IdCardText.decode(IdCardText.encode(card))).isEqualTo(card);
    }

    @Test
    void foreignPermanentResidentCardsAreRecognisedAndRefused() {
        String id = CitizenIdNumber.of("330106", LocalDate.of(1980, 1, 1), 11).value();
        for (char flag : new char[] {'I', 'Y'}) {
            assertThatThrownBy(() -> IdCardText.decode(block("X", "1", "01", "19800101", "", id, "", "20200101", "20300101", flag)))
                    .isInstanceOfSatisfying(CardDecodingException.class, e -> {
                        assertThat(e.reason()).isEqualTo(CardDecodingException.Reason.UNSUPPORTED_CARD_TYPE);
                        assertThat(e.localizedReason(Locale.SIMPLIFIED_CHINESE)).contains("人工核验");
                    });
        }
    }

    @Test
    void numberThatDisagreesWithTheCardIsRefused() {
        String id = CitizenIdNumber.of("330106", LocalDate.of(1980, 1, 1), 11).value(); // male
        assertReason(block("张三", "2", "01", "19800101", "", id, "", "20200101", "20300101", ' '),
                CardDecodingException.Reason.INCONSISTENT);
        assertReason(block("张三", "1", "01", "19800102", "", id, "", "20200101", "20300101", ' '),
                CardDecodingException.Reason.INCONSISTENT);
        String badCheck = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        assertReason(block("张三", "1", "01", "19800101", "", badCheck, "", "20200101", "20300101", ' '),
                CardDecodingException.Reason.INVALID_ID_NUMBER);
        assertReason(block("张三", "1", "77", "19800101", "", id, "", "20200101", "20300101", ' '),
                CardDecodingException.Reason.BAD_FIELD);
        assertReason(block("张三", "1", "01", "19800101", "", id, "", "20200101", "20300101", 'Q'),
                CardDecodingException.Reason.UNKNOWN_CARD_TYPE);
        assertReason(Arrays.copyOf(block("张三", "1", "01", "19800101", "", id, "", "20200101", "20300101", ' '), 200),
                CardDecodingException.Reason.TEXT_LENGTH);
    }

    @Test
    void nationTableCoversGb3304() {
        assertThat(Nations.name("01")).isEqualTo("汉");
        assertThat(Nations.name("56")).isEqualTo("基诺");
        assertThat(Nations.name("97")).isEqualTo("其他");
        assertThat(Nations.name("98")).isEqualTo("外国血统中国籍人士");
        assertThat(Nations.name("57")).isNull();
        assertThat(Nations.name("xx")).isNull();
    }

    private static void assertReason(byte[] text, CardDecodingException.Reason reason) {
        assertThatThrownBy(() -> IdCardText.decode(text)).isInstanceOfSatisfying(CardDecodingException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
