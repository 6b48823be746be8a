package cn.shebao.counter.workstation.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "91350100M000100Y43", // the example in GB 32100-2015, Appendix
        "91330106MA2B0Q6J5D", // a modern "MA" code, both check characters computed independently (Python)
    })
    void publishedCodesValidate(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
        assertThat(UnifiedSocialCreditCode.checkCharacter(code.substring(0, 17))).isEqualTo(code.charAt(17));
    }

    @Test
    void everySingleCharacterChangeIsCaught() {
        String valid = "91350100M000100Y43";
        for (int pos = 0; pos < 18; pos++) {
            for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
                if (c == valid.charAt(pos)) {
                    continue;
                }
                String changed = valid.substring(0, pos) + c + valid.substring(pos + 1);
                assertThat(UnifiedSocialCreditCode.isValid(changed)).as(changed).isFalse();
            }
        }
    }

    @Test
    void refusesLettersOutsideTheAlphabetAndWrongLength() {
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100I43")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y4")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid(null)).isFalse();
    }

    @Test
    void builtCodesValidate() {
        String code = UnifiedSocialCreditCode.of("330106", "MA2B0Q6J");
        assertThat(code).startsWith("91330106MA2B0Q6J");
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
    }
}
