package cn.shebao.counter.device.id;

import java.util.Locale;

/** A citizen ID number failed a GB 11643 check. The message is translated and never shows the whole number. */
public final class InvalidCitizenIdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why the number was refused; each has a message key in the device bundle. */
    public enum Reason {
        LENGTH, CHARACTERS, AREA_CODE, BIRTH_DATE, CHECK_CHARACTER;

        String key() {
            return "citizenId.invalid." + name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public InvalidCitizenIdException(Reason reason, String offending) {
        super(messageFor(reason, Locale.getDefault()) + " [" + CitizenIdNumber.mask(offending) + "]");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The reason in the given language, for a view that does not use the JVM default locale. */
    public String localizedReason(Locale locale) {
        return messageFor(reason, locale);
    }

    private static String messageFor(Reason reason, Locale locale) {
        return DeviceMessages.bundle(locale).getString(reason.key());
    }
}
