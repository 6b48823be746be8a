package cn.shebao.counter.device.card;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.device.id.Gender;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The text of a second-generation ID card (resident card or Hong Kong/Macao/Taiwan residence permit),
 * decoded and checked. The photo travels separately, as raw bytes.
 *
 * @param validTo the last day of validity, or null for a card valid without limit (长期)
 * @param passNumber and {@code issueCount}: residence permits only, otherwise empty
 */
public record IdCard(String name, Gender gender, String nationCode, LocalDate birthDate, String address,
        String idNumber, String issuingAuthority, LocalDate validFrom, LocalDate validTo, CardType type,
        String passNumber, String issueCount) {

    /** The text printed on a card valid without limit. */
    public static final String NO_EXPIRY = "长期";

    public String nationName() {
        return Nations.name(nationCode);
    }

    public boolean validWithoutLimit() {
        return validTo == null;
    }

    /** Whether the card is valid on the day; an expired card must be refused at the counter. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public Optional<LocalDate> expiry() {
        return Optional.ofNullable(validTo);
    }

    public String maskedIdNumber() {
        return CitizenIdNumber.mask(idNumber);
    }

    @Override
    public String toString() {
        // Never the whole number or the address in a log line.
        return "IdCard[" + type + ", " + maskedIdNumber() + "]";
    }
}
