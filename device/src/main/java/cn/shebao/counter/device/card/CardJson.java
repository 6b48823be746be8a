package cn.shebao.counter.device.card;

import cn.shebao.counter.device.id.Gender;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON form of a card, printed by {@code read --json} and read by {@code simulate --card}: the card's
 * own text values under the names name, gender, nation, birth, address, id, authority, from, to, type
 * (gender and nation as codes, dates as YYYYMMDD, {@code to} may be 长期, type as the card's flag), plus
 * decoded names beside them for people.
 */
public final class CardJson {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private CardJson() {
    }

    public static String write(IdCard card) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", card.name());
        m.put("gender", String.valueOf(card.gender().code()));
        m.put("nation", card.nationCode() == null ? "" : card.nationCode());
        m.put("birth", DATE.format(card.birthDate()));
        m.put("address", card.address());
        m.put("id", card.idNumber());
        m.put("authority", card.issuingAuthority());
        m.put("from", DATE.format(card.validFrom()));
        m.put("to", card.validTo() == null ? IdCard.NO_EXPIRY : DATE.format(card.validTo()));
        m.put("type", String.valueOf(card.type().flag()));
        if (card.passNumber() != null) {
            m.put("passNumber", card.passNumber());
            m.put("issueCount", card.issueCount());
        }
        m.put("nationName", card.nationName() == null ? "" : card.nationName());
        m.put("typeName", card.type().name());
        try {
            return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(m);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write card JSON", e);
        }
    }

    /** Reads a card and runs it through the same checks as a card read from a reader. */
    public static IdCard read(String json) throws CardDecodingException {
        Map<String, Object> m;
        try {
            m = JSON.std.mapFrom(json);
        } catch (IOException e) {
            throw new CardDecodingException(CardDecodingException.Reason.BAD_FIELD, "not JSON: " + e.getMessage());
        }
        try {
            String flag = text(m, "type", " ");
            CardType type = flag.length() == 1 ? CardType.of(flag.charAt(0)) : CardType.valueOf(flag);
            if (type == null) {
                throw new CardDecodingException(CardDecodingException.Reason.UNKNOWN_CARD_TYPE, flag);
            }
            String to = text(m, "to", IdCard.NO_EXPIRY);
            IdCard card = new IdCard(text(m, "name", ""), "2".equals(text(m, "gender", "")) ? Gender.FEMALE : Gender.MALE,
                    text(m, "nation", ""), LocalDate.parse(text(m, "birth", ""), DATE), text(m, "address", ""),
                    text(m, "id", ""), text(m, "authority", ""), LocalDate.parse(text(m, "from", ""), DATE),
                    to.equals(IdCard.NO_EXPIRY) ? null : LocalDate.parse(to, DATE), type,
                    (String) m.get("passNumber"), (String) m.get("issueCount"));
            // Round trip through the card's byte layout: the same validation a real read gets.
            return IdCardText.decode(IdCardText.encode(card));
        } catch (DateTimeParseException | IllegalArgumentException | ClassCastException e) {
            throw new CardDecodingException(CardDecodingException.Reason.BAD_FIELD, e.getMessage());
        }
    }

    private static String text(Map<String, Object> m, String key, String fallback) {
        Object v = m.get(key);
        return v == null ? fallback : v.toString();
    }
}
