package cn.shebao.counter.device.reader;

import cn.shebao.counter.device.id.DeviceMessages;
import java.util.Locale;

/** Why a presented card was not read; each has a translated message {@code reader.failure.<name>}. */
public enum ReadFailure {
    SELECT_FAILED, READ_FAILED, TIMEOUT, DAMAGED_FRAME, CARD_NOT_DECODED, MODULE_ERROR;

    public String message(Locale locale) {
        return DeviceMessages.bundle(locale).getString("reader.failure." + name().toLowerCase(Locale.ROOT));
    }
}
