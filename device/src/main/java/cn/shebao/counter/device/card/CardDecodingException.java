package cn.shebao.counter.device.card;

import cn.shebao.counter.device.id.DeviceMessages;
import java.util.Locale;

/** The card's text block could not be turned into a trustworthy {@link IdCard}. */
public final class CardDecodingException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why; each has a translated message {@code card.invalid.<reason>}. */
    public enum Reason { TEXT_LENGTH, UNSUPPORTED_CARD_TYPE, UNKNOWN_CARD_TYPE, BAD_FIELD, INVALID_ID_NUMBER, INCONSISTENT }

    private final Reason reason;

    public CardDecodingException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String localizedReason(Locale locale) {
        return DeviceMessages.bundle(locale).getString("card.invalid." + reason.name().toLowerCase(Locale.ROOT));
    }
}
