package cn.shebao.counter.device.protocol;

/** SW3, the security module's status byte. */
public enum ModuleStatus {
    SUCCESS(0x90), CARD_FOUND(0x9F), NO_ITEM(0x91), CHECKSUM_ERROR(0x10), LENGTH_ERROR(0x11), BAD_COMMAND(0x21),
    NOT_AUTHORISED(0x23), UNKNOWN_ERROR(0x24), CARD_REJECTED_SAM(0x31), SAM_REJECTED_CARD(0x32),
    VERIFICATION_ERROR(0x33), UNRECOGNISED_CARD_TYPE(0x40), READ_FAILED(0x41), NO_RANDOM_NUMBER(0x47),
    SELF_TEST_FAILED(0x60), SAM_NOT_AUTHORISED(0x66), NO_CARD(0x80), SELECT_FAILED(0x81),
    /** A code the fact sheet does not list; the raw byte stays in the {@link Response}. */
    UNLISTED(-1);

    private final int code;

    ModuleStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ModuleStatus of(int sw3) {
        for (ModuleStatus s : values()) {
            if (s.code == sw3) {
                return s;
            }
        }
        return UNLISTED;
    }
}
