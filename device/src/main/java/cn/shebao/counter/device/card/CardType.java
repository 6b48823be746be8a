package cn.shebao.counter.device.card;

/** The card-type flag at byte 248 of the text block. */
public enum CardType {
    /** Resident identity card: the flag is a space. */
    RESIDENT(' '),
    /** Hong Kong / Macao / Taiwan residence permit. */
    HMT_RESIDENCE_PERMIT('J'),
    /** Foreign permanent resident ID card, old format: recognised, not decoded. */
    FOREIGN_PERMANENT_OLD('I'),
    /** Foreign permanent resident ID card, 2023 format: recognised, not decoded. */
    FOREIGN_PERMANENT_2023('Y');

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

    public static CardType of(char flag) {
        for (CardType t : values()) {
            if (t.flag == flag) {
                return t;
            }
        }
        return null;
    }
}
