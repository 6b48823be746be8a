package cn.shebao.counter.workstation.citizen;

/**
 * The 18-character unified social credit code of an employer (GB 32100-2015): registration authority,
 * organisation type, 6-digit administrative division, 9-character organisation code (itself carrying a
 * GB 11714 check character) and a final check character over the first seventeen.
 */
public final class UnifiedSocialCreditCode {

    /** GB 32100 alphabet: digits and capitals without I, O, S, V, Z. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private UnifiedSocialCreditCode() {
    }

    public static char checkCharacter(CharSequence first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character not allowed at position " + i);
            }
            sum += v * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    /** GB 11714 check character of the 8-character organisation code body (digits and capitals). */
    public static char organisationCodeCheck(CharSequence body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body8.charAt(i);
            int v = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            sum += v * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return false;
            }
        }
        return checkCharacter(code.substring(0, 17)) == code.charAt(17)
                && organisationCodeCheck(code.substring(8, 16)) == code.charAt(16);
    }

    /** Builds a valid code: authority '9' (market regulation), type '1' (enterprise), division, organisation body. */
    public static String of(String division, String organisationBody8) {
        String org = organisationBody8 + organisationCodeCheck(organisationBody8);
        String first17 = "91" + division + org;
        return first17 + checkCharacter(first17);
    }
}
