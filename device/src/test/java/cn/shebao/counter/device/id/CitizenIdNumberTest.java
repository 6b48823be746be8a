package cn.shebao.counter.device.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CitizenIdNumberTest {

    @ParameterizedTest
    @CsvSource({
        // The worked examples published with GB 11643-1999.
        "11010519491231002, X",
        "44052418800101001, 4",
        // Computed independently (Python one-liner over the GB 11643 weights).
        "33010919880101004, 5",
    })
    void checkCharacterMatchesPublishedVectors(String first17, char expected) {
        assertThat(CitizenIdNumber.checkCharacter(first17)).isEqualTo(expected);
    }

    @Test
    void parsesValidNumberAndDerivesBirthDateAndGender() {
        CitizenIdNumber id = CitizenIdNumber.parse(" 11010519491231002x ");
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo(Gender.FEMALE);
        assertThat(id.areaCode()).isEqualTo("110105");
        assertThat(CitizenIdNumber.parse("330109198801010053").gender()).isEqualTo(Gender.MALE);
    }

    @Test
    void toStringAndListsShowOnlyMaskedForm() {
        CitizenIdNumber id = CitizenIdNumber.parse("330109198801010045");
        assertThat(id.masked()).isEqualTo("330109********0045");
        assertThat(id.toString()).isEqualTo("330109********0045").doesNotContain("19880101");
    }

    @Test
    void refusesEachKindOfBadInputWithItsReason() {
        assertReason("3301091988010100", InvalidCitizenIdException.Reason.LENGTH);
        assertReason("33010919880101004A", InvalidCitizenIdException.Reason.CHARACTERS);
        assertReason("33010919881301004X", InvalidCitizenIdException.Reason.BIRTH_DATE);
        assertReason("330109198802300045", InvalidCitizenIdException.Reason.BIRTH_DATE);
        assertReason("330109198801010046", InvalidCitizenIdException.Reason.CHECK_CHARACTER);
        assertReason(null, InvalidCitizenIdException.Reason.LENGTH);
        String future = "330109" + (java.time.LocalDate.now().getYear() + 1) + "0101004";
        assertReason(future + CitizenIdNumber.checkCharacter(future), InvalidCitizenIdException.Reason.BIRTH_DATE);
    }

    @Test
    void refusesAProvinceThatDoesNotExistButKeepsCountiesSinceAbolished() {
        assertReason(withCheck("99010519491231002"), InvalidCitizenIdException.Reason.AREA_CODE);
        assertReason(withCheck("00010519491231002"), InvalidCitizenIdException.Reason.AREA_CODE);
        assertReason(withCheck("19010519491231002"), InvalidCitizenIdException.Reason.AREA_CODE);
        // 下城区 was merged away in 2021; the people born there keep their numbers.
        assertThat(CitizenIdNumber.isValid(withCheck("33010319600101001"))).isTrue();
        assertThat(CitizenIdNumber.isValid(withCheck("81000019900101001"))).as("Hong Kong residence permit").isTrue();
        assertThat(CitizenIdNumber.isValid(withCheck("46010019900101001"))).as("Hainan").isTrue();
    }

    @Test
    void refusesABirthMoreThan130YearsBackAndAcceptsTheVeryOld() {
        // The standard's own worked example (born 1880) and the 1850 that check-id used to accept.
        assertReason("440524188001010014", InvalidCitizenIdException.Reason.BIRTH_DATE);
        assertReason(withCheck("33010918500101001"), InvalidCitizenIdException.Reason.BIRTH_DATE);
        LocalDate oldest = LocalDate.now().minusYears(130);
        assertThat(CitizenIdNumber.of("330109", oldest, 1).birthDate()).isEqualTo(oldest);
        assertThatThrownBy(() -> CitizenIdNumber.of("330109", oldest.minusDays(1), 1))
                .isInstanceOf(InvalidCitizenIdException.class);
    }

    private static String withCheck(String first17) {
        return first17 + CitizenIdNumber.checkCharacter(first17);
    }

    @Test
    void everySingleDigitTypoIsCaught() {
        String valid = "330109198801010045";
        for (int pos = 0; pos < 17; pos++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d == valid.charAt(pos)) {
                    continue;
                }
                String typo = valid.substring(0, pos) + d + valid.substring(pos + 1);
                assertThat(CitizenIdNumber.isValid(typo)).as(typo).isFalse();
            }
        }
    }

    @Test
    void messagesAreTranslatedAndNeverExposeTheWholeNumber() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(InvalidCitizenIdException.class,
                () -> CitizenIdNumber.parse("330109198801010046"));
        assertThat(e.localizedReason(Locale.SIMPLIFIED_CHINESE)).contains("校验位");
        assertThat(e.localizedReason(Locale.ENGLISH)).contains("check character");
        assertThat(e.getMessage()).doesNotContain("330109198801010046").contains("330109********0046");
    }

    @Test
    void buildsValidNumbersFromParts() {
        CitizenIdNumber id = CitizenIdNumber.of("330106", LocalDate.of(1975, 2, 28), 123);
        assertThat(CitizenIdNumber.isValid(id.value())).isTrue();
        assertThat(id.gender()).isEqualTo(Gender.MALE);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1975, 2, 28));
    }

    private static void assertReason(String input, InvalidCitizenIdException.Reason reason) {
        assertThatThrownBy(() -> CitizenIdNumber.parse(input))
                .isInstanceOf(InvalidCitizenIdException.class)
                .extracting(t -> ((InvalidCitizenIdException) t).reason()).isEqualTo(reason);
    }
}
