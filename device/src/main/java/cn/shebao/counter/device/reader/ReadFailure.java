package cn.shebao.counter.device.reader;

import cn.shebao.counter.device.id.DeviceMessages;
import java.util.Locale;

/**
 * Why a presented card was not read; each has a translated message {@code reader.failure.<name>}. The last five are
 * the chip cards' (social security and citizen cards on a PC/SC reader).
 */
public enum ReadFailure {
    SELECT_FAILED, READ_FAILED, TIMEOUT, DAMAGED_FRAME, CARD_NOT_DECODED, MODULE_ERROR,
    WRONG_APPLICATION, CARD_LOCKED, CARD_EXPIRED, CARD_REMOVED, NO_SECURITY_MODULE;

    public String message(Locale locale) {
        return DeviceMessages.bundle(locale).getString("reader.failure." + name().toLowerCase(Locale.ROOT));
    }
}
