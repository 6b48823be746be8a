package cn.shebao.counter.device.smartcard;

import cn.shebao.counter.device.card.CardType;
import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.device.card.Nations;
import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.device.id.Gender;
import java.time.LocalDate;

/**
 * What a social security card (社会保障卡) or a city's citizen card (市民卡) says about its holder and itself, read from
 * the chip. The social security number is the holder's citizen ID number: the workstation finds the record by it.
 *
 * @param layout which card this is ({@link CardLayout#name()}), recorded with an identity confirmation
 * @param cardNumber the number printed on the card (EF05 record 07 in the national layout)
 * @param issuer the issuing institution's code (EF05 record 04)
 * @param validTo the last day of validity
 */
public record HolderCard(String layout, String cardNumber, String issuer, LocalDate issuedOn, LocalDate validTo,
        String idNumber, String name, Gender gender, String nationCode, LocalDate birthDate) {

    public String nationName() {
        return Nations.name(nationCode);
    }

    public boolean validOn(LocalDate day) {
        return validTo == null || !day.isAfter(validTo);
    }

    /** The national social security card, as opposed to a city's citizen card. */
    public boolean socialSecurityCard() {
        return CardLayout.socialSecurityCard().name().equals(layout);
    }

    /**
     * The card as the counter's identity rules see a card: the same holder fields as an ID card's, no address (the
     * chip holds none), the issuing institution's code for the authority, and its own card type, which an identity
     * confirmation records.
     */
    public IdCard asIdCard() {
        return new IdCard(name, gender, nationCode, birthDate, "", idNumber, issuer, issuedOn, validTo,
                socialSecurityCard() ? CardType.SOCIAL_SECURITY_CARD : CardType.CITIZEN_CARD, null, null);
    }

    public String maskedIdNumber() {
        return CitizenIdNumber.mask(idNumber);
    }

    @Override
    public String toString() {
        // Never the whole number or the name in a log line.
        return "HolderCard[" + layout + ", " + maskedIdNumber() + "]";
    }
}
