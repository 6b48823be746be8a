package cn.shebao.counter.device.protocol;

/** The reader commands the workstation uses, with their CMD and PARA bytes. */
public enum Command {
    RESET_SAM(0x10, 0xFF),
    SAM_STATUS(0x11, 0xFF),
    READ_SAM_ID(0x12, 0xFF),
    FIND_CARD(0x20, 0x01),
    SELECT_CARD(0x20, 0x02),
    READ_TEXT_PHOTO(0x30, 0x01),
    READ_NEWEST_ADDRESS(0x30, 0x03),
    READ_TEXT_PHOTO_FINGERPRINT(0x30, 0x10),
    SET_BAUD_115200(0x60, 0x00),
    SET_BAUD_57600(0x60, 0x01),
    SET_BAUD_38400(0x60, 0x02),
    SET_BAUD_19200(0x60, 0x03),
    SET_BAUD_9600(0x60, 0x04);

    private final int cmd;
    private final int para;

    Command(int cmd, int para) {
        this.cmd = cmd;
        this.para = para;
    }

    public int cmd() {
        return cmd;
    }

    public int para() {
        return para;
    }

    /** The complete request frame, e.g. {@code AA AA AA 96 69 00 03 20 01 22} for FIND_CARD. */
    public byte[] frame() {
        return Ga467Frame.wrap(new byte[] {(byte) cmd, (byte) para});
    }

    /**
     * Whether a response can answer this command. The protocol carries no request ids, so a late answer
     * to an earlier, timed-out command must be recognised by its shape and skipped.
     */
    public boolean accepts(Response r) {
        ModuleStatus s = r.status();
        if (s != ModuleStatus.SUCCESS && s != ModuleStatus.CARD_FOUND && s != ModuleStatus.NO_CARD
                && s != ModuleStatus.SELECT_FAILED && s != ModuleStatus.READ_FAILED) {
            return true; // a module-level error answers whatever was asked
        }
        return switch (this) {
            case FIND_CARD -> s == ModuleStatus.CARD_FOUND || s == ModuleStatus.NO_CARD;
            case SELECT_CARD -> (s == ModuleStatus.SUCCESS && r.data().length == 8) || s == ModuleStatus.SELECT_FAILED;
            case READ_TEXT_PHOTO, READ_TEXT_PHOTO_FINGERPRINT -> (s == ModuleStatus.SUCCESS && r.data().length >= 4 + 256)
                    || s == ModuleStatus.READ_FAILED;
            case READ_SAM_ID -> s == ModuleStatus.SUCCESS && r.data().length == 16;
            default -> s == ModuleStatus.SUCCESS;
        };
    }

    /** The command a request body names, or null when it is not one we know (the module answers 21). */
    public static Command of(byte[] body) {
        if (body.length < 2) {
            return null;
        }
        for (Command c : values()) {
            if ((body[0] & 0xFF) == c.cmd && (body[1] & 0xFF) == c.para) {
                return c;
            }
        }
        return null;
    }
}
