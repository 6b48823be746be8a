package cn.shebao.counter.device.id;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * An 18-character resident citizen ID number (GB 11643-1999) that has passed every structural check:
 * digits, a province of GB/T 2260, a real and plausible birth date and the check character.
 *
 * <p>{@link #toString()} returns the masked form so that a number that slips into a log line or a
 * list does not expose the person; call {@link #value()} where the whole number is really needed.
 */
public final class CitizenIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    /**
     * No one alive is older, and a centre keeps records only of people who held an 18-digit number (issued from 1999):
     * 130 years before today refuses a mistyped century (18xx for 19xx) without refusing the very old. The standard's
     * own worked example (born 1880) is therefore not a number a counter can meet any more.
     */
    private static final int OLDEST_YEARS = 130;

    private final String value;
    private final LocalDate birthDate;

    private CitizenIdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /**
     * Parses and validates. Lower-case 'x' is accepted (clerks type it) and normalised to 'X';
     * surrounding blanks are trimmed.
     *
     * @throws InvalidCitizenIdException with a reason and a translated message
     */
    public static CitizenIdNumber parse(String text) {
        if (text == null) {
            throw new InvalidCitizenIdException(InvalidCitizenIdException.Reason.LENGTH, "");
        }
        String s = text.strip().toUpperCase(Locale.ROOT);
        if (s.length() != 18) {
            throw new InvalidCitizenIdException(InvalidCitizenIdException.Reason.LENGTH, s);
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                throw new InvalidCitizenIdException(InvalidCitizenIdException.Reason.CHARACTERS, s);
            }
        }
        char last = s.charAt(17);
        if (!isAsciiDigit(last) && last != 'X') {
            throw new InvalidCitizenIdException(InvalidCitizenIdException.Reason.CHARACTERS, s);
        }
        if (!AdministrativeArea.isProvince(s.substring(0, 2))) {
            throw new InvalidCitizenIdException(InvalidCitizenIdException.Reason.AREA_CODE, s);
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)),
                    Integer.parseInt(s.substring(10, 12)), Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidCitizenIdException(InvalidCitizenIdException.Reason.BIRTH_DATE, s);
        }
        LocalDate today = LocalDate.now();
        if (birth.isBefore(today.minusYears(OLDEST_YEARS)) || birth.isAfter(today)) {
            throw new InvalidCitizenIdException(InvalidCitizenIdException.Reason.BIRTH_DATE, s);
        }
        if (checkCharacter(s.substring(0, 17)) != last) {
            throw new InvalidCitizenIdException(InvalidCitizenIdException.Reason.CHECK_CHARACTER, s);
        }
        return new CitizenIdNumber(s, birth);
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidCitizenIdException e) {
            return false;
        }
    }

    /** The GB 11643 check character for the first 17 digits. */
    public static char checkCharacter(CharSequence first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need exactly 17 digits, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (!isAsciiDigit(c)) {
                throw new IllegalArgumentException("not a digit at position " + i);
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** Builds a valid number from its parts; used by generators and tests. */
    public static CitizenIdNumber of(String areaCode, LocalDate birthDate, int sequence) {
        if (areaCode.length() != 6 || sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException("area code must have 6 digits and sequence be 0..999");
        }
        String first17 = areaCode + String.format(Locale.ROOT, "%04d%02d%02d%03d",
                birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth(), sequence);
        return parse(first17 + checkCharacter(first17));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public String value() {
        return value;
    }

    public String areaCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public int sequence() {
        return Integer.parseInt(value.substring(14, 17));
    }

    public Gender gender() {
        return sequence() % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** The form used in lists: first six and last four characters, e.g. 330109********0043. */
    public String masked() {
        return mask(value);
    }

    /** Masks any string that may or may not be a valid number, for lists and logs. */
    public static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() < 11) {
            return "*".repeat(idNumber == null ? 0 : idNumber.length());
        }
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10)
                + idNumber.substring(idNumber.length() - 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CitizenIdNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
