package cn.shebao.counter.device.smartcard;

import java.nio.charset.Charset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Arrays;

/**
 * Where a card keeps what the counter reads: the application to select, the two elementary files, and which record
 * of them holds each field. The national social security card layout is built in ({@link #socialSecurityCard()}, after
 * the national specification: application "sx1.sh.社会保障", EF05 the card's identification, EF06 the holder's basic
 * data, each field a record {@code tag length value} read with READ RECORD by its number). A city's citizen card
 * differs from city to city, so its layout comes from a properties file (see {@link #fromProperties} and
 * docs/smart-cards.md); adding a city is a file, not a release.
 *
 * @param name the card's name as the counter shows and records it
 * @param aid the application identifier to SELECT by name
 * @param identificationFile the file id of the card's own data (EF05)
 * @param holderFile the file id of the holder's data (EF06)
 * @param nameCharset how the holder's name is encoded (GB18030 covers GB2312 and GBK)
 */
public record CardLayout(String name, byte[] aid, int identificationFile, int holderFile, Records records, Charset nameCharset) {

    /** The record number of each field. */
    public record Records(int issuer, int issuedOn, int validTo, int cardNumber, int idNumber, int holderName, int gender,
            int nation, int birthDate) {
    }

    /** "sx1.sh." followed by 社会保障 in GB2312: the national social security application. */
    public static final String SOCIAL_SECURITY_AID = "7378312E73682EC9E7BBE1B1A3D5CF";

    public static CardLayout socialSecurityCard() {
        return new CardLayout("社会保障卡", HexFormat.of().parseHex(SOCIAL_SECURITY_AID), 0xEF05, 0xEF06,
                new Records(0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0D), Charset.forName("GB18030"));
    }

    /**
     * A layout from a city's file: {@code card.name}, {@code card.aid} (hex), {@code card.identificationFile} and
     * {@code card.holderFile} (hex file ids), {@code record.<field>} (hex record numbers, the national ones by default)
     * and {@code card.nameCharset} (default GB18030).
     *
     * @throws IllegalArgumentException naming the key that is missing or cannot be read
     */
    public static CardLayout fromProperties(Properties p) {
        Records national = socialSecurityCard().records();
        return new CardLayout(required(p, "card.name"), hexBytes(p, "card.aid"), hex(p, "card.identificationFile", 0xEF05),
                hex(p, "card.holderFile", 0xEF06),
                new Records(hex(p, "record.issuer", national.issuer()), hex(p, "record.issuedOn", national.issuedOn()),
                        hex(p, "record.validTo", national.validTo()), hex(p, "record.cardNumber", national.cardNumber()),
                        hex(p, "record.idNumber", national.idNumber()), hex(p, "record.holderName", national.holderName()),
                        hex(p, "record.gender", national.gender()), hex(p, "record.nation", national.nation()),
                        hex(p, "record.birthDate", national.birthDate())),
                Charset.forName(p.getProperty("card.nameCharset", "GB18030").strip()));
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("card layout: " + key + " is missing");
        }
        return v.strip();
    }

    private static byte[] hexBytes(Properties p, String key) {
        try {
            return HexFormat.of().parseHex(required(p, key).replace(" ", "").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("card layout: " + key + " is not hexadecimal", e);
        }
    }

    private static int hex(Properties p, String key, int fallback) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip(), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("card layout: " + key + " is not a hexadecimal number: " + v.strip(), e);
        }
    }

    /** Whether {@code selected} is this layout's application (the AID a card answered to). */
    public boolean hasAid(byte[] selected) {
        return Arrays.equals(aid, selected);
    }
}
