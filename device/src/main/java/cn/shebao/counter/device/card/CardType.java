package cn.shebao.counter.device.card;

/**
 * The kind of card a person showed. For ID cards, the card-type flag at byte 248 of the text block; the social
 * security card and a city's citizen card are chip cards on a PC/SC reader and have no such flag.
 */
public enum CardType {
    /** Resident identity card: the flag is a space. */
    RESIDENT(' '),
    /** Hong Kong / Macao / Taiwan residence permit. */
    HMT_RESIDENCE_PERMIT('J'),
    /** Foreign permanent resident ID card, old format: recognised, not decoded. */
    FOREIGN_PERMANENT_OLD('I'),
    /** Foreign permanent resident ID card, 2023 format: recognised, not decoded. */
    FOREIGN_PERMANENT_2023('Y'),
    /** Social security card (社会保障卡), read from its chip. */
    SOCIAL_SECURITY_CARD('\0'),
    /** A city's citizen card (市民卡), read from its chip. */
    CITIZEN_CARD('\0');

    /** Chip cards have no text block and so no flag; {@link #of} never answers them. */
    private static final char NO_FLAG = '\0';

    private final char flag;

    CardType(char flag) {
        this.flag = flag;
    }

    public char flag() {
        return flag;
    }

    public boolean supported() {
        return this == RESIDENT || this == HMT_RESIDENCE_PERMIT;
    }

    /** The ID card type with this text-block flag, or null. */
    public static CardType of(char flag) {
        for (CardType t : values()) {
            if (t.flag != NO_FLAG && t.flag == flag) {
                return t;
            }
        }
        return null;
    }
}
