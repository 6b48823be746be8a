package cn.shebao.counter.device.smartcard;

import cn.shebao.counter.device.id.DeviceMessages;
import java.util.Locale;

/** The operating system's card service is not there: pcscd on Linux (WinSCard on Windows). Said in words. */
public final class CardServiceUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public CardServiceUnavailableException(String detail, Throwable cause) {
        super("the PC/SC card service is not available: " + detail, cause);
    }

    public String message(Locale locale) {
        return DeviceMessages.bundle(locale).getString("smartcard.service.unavailable");
    }
}
