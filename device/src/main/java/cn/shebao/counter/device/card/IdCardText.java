package cn.shebao.counter.device.card;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.device.id.Gender;
import cn.shebao.counter.device.id.InvalidCitizenIdException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The 256-byte text block of a card (UCS-2 little-endian, padded with spaces): decoding with every
 * check the counter relies on, and encoding (for the simulator and tests).
 */
public final class IdCardText {

    public static final int LENGTH = 256;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    /** Field positions: byte offset and length. */
    private enum Field {
        NAME(0, 30), GENDER(30, 2), NATION(32, 4), BIRTH(36, 16), ADDRESS(52, 70), ID(122, 36), AUTHORITY(158, 30),
        FROM(188, 16), TO(204, 16), PASS_NUMBER(220, 18), ISSUE_COUNT(238, 4), TYPE(248, 2);

        final int offset;
        final int length;

        Field(int offset, int length) {
            this.offset = offset;
            this.length = length;
        }
    }

    private IdCardText() {
    }

    public static IdCard decode(byte[] text) throws CardDecodingException {
        if (text == null || text.length < LENGTH) {
            throw new CardDecodingException(CardDecodingException.Reason.TEXT_LENGTH, "need 256 bytes");
        }
        String flag = field(text, Field.TYPE);
        CardType type = CardType.of(flag.isEmpty() ? ' ' : flag.charAt(0));
        if (type == null) {
            throw new CardDecodingException(CardDecodingException.Reason.UNKNOWN_CARD_TYPE, "flag '" + flag + "'");
        }
        if (!type.supported()) {
            throw new CardDecodingException(CardDecodingException.Reason.UNSUPPORTED_CARD_TYPE, type.name());
        }
        String name = field(text, Field.NAME);
        if (name.isEmpty()) {
            throw new CardDecodingException(CardDecodingException.Reason.BAD_FIELD, "empty name");
        }
        Gender gender = switch (field(text, Field.GENDER)) {
            case "1" -> Gender.MALE;
            case "2" -> Gender.FEMALE;
            default -> throw new CardDecodingException(CardDecodingException.Reason.BAD_FIELD, "gender code");
        };
        String nation = field(text, Field.NATION);
        if (type == CardType.RESIDENT && Nations.name(nation) == null) {
            throw new CardDecodingException(CardDecodingException.Reason.BAD_FIELD, "nation code");
        }
        LocalDate birth = date(field(text, Field.BIRTH), "birth date");
        CitizenIdNumber id;
        try {
            id = CitizenIdNumber.parse(field(text, Field.ID));
        } catch (InvalidCitizenIdException e) {
            throw new CardDecodingException(CardDecodingException.Reason.INVALID_ID_NUMBER, e.reason().name());
        }
        if (!id.birthDate().equals(birth) || id.gender() != gender) {
            throw new CardDecodingException(CardDecodingException.Reason.INCONSISTENT, "ID number disagrees with birth date or gender");
        }
        LocalDate from = date(field(text, Field.FROM), "valid from");
        String toText = field(text, Field.TO);
        LocalDate to = toText.equals(IdCard.NO_EXPIRY) ? null : date(toText, "valid to");
        if (to != null && to.isBefore(from)) {
            throw new CardDecodingException(CardDecodingException.Reason.BAD_FIELD, "validity ends before it starts");
        }
        boolean permit = type == CardType.HMT_RESIDENCE_PERMIT;
        return new IdCard(name, gender, permit && nation.isEmpty() ? null : nation, birth, field(text, Field.ADDRESS),
                id.value(), field(text, Field.AUTHORITY), from, to, type,
                permit ? field(text, Field.PASS_NUMBER) : null, permit ? field(text, Field.ISSUE_COUNT) : null);
    }

    public static byte[] encode(IdCard card) {
        ByteBuffer out = ByteBuffer.allocate(LENGTH);
        for (int i = 0; i < LENGTH; i += 2) {
            out.put(i, (byte) 0x20).put(i + 1, (byte) 0);
        }
        put(out, Field.NAME, card.name());
        put(out, Field.GENDER, String.valueOf(card.gender().code()));
        put(out, Field.NATION, card.nationCode() == null ? "" : card.nationCode());
        put(out, Field.BIRTH, DATE.format(card.birthDate()));
        put(out, Field.ADDRESS, card.address());
        put(out, Field.ID, card.idNumber());
        put(out, Field.AUTHORITY, card.issuingAuthority());
        put(out, Field.FROM, DATE.format(card.validFrom()));
        put(out, Field.TO, card.validTo() == null ? IdCard.NO_EXPIRY : DATE.format(card.validTo()));
        if (card.type() == CardType.HMT_RESIDENCE_PERMIT) {
            put(out, Field.PASS_NUMBER, card.passNumber() == null ? "" : card.passNumber());
            put(out, Field.ISSUE_COUNT, card.issueCount() == null ? "" : card.issueCount());
        }
        put(out, Field.TYPE, String.valueOf(card.type().flag()));
        return out.array();
    }

    private static String field(byte[] text, Field f) {
        String s = new String(text, f.offset, f.length, StandardCharsets.UTF_16LE);
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static void put(ByteBuffer out, Field f, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_16LE);
        if (bytes.length > f.length) {
            throw new IllegalArgumentException(f + " too long for the card: " + value.length() + " characters");
        }
        out.put(f.offset, bytes);
    }

    private static LocalDate date(String text, String what) throws CardDecodingException {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw new CardDecodingException(CardDecodingException.Reason.BAD_FIELD, what);
        }
    }
}
