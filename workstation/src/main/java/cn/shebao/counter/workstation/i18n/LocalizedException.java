package cn.shebao.counter.workstation.i18n;

import java.util.Arrays;
import java.util.Locale;

/**
 * A failure the user must understand: carries a message key and arguments so every view can show it
 * in the clerk's language. Arguments must never carry secrets or whole citizen ID numbers.
 */
public class LocalizedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] args;

    public LocalizedException(String key, Object... args) {
        this(null, key, args);
    }

    public LocalizedException(Throwable cause, String key, Object... args) {
        super(key, cause);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    public String message(Locale locale) {
        return Messages.format(locale, key, args);
    }

    @Override
    public String getMessage() {
        return message(Locale.getDefault());
    }

    @Override
    public String getLocalizedMessage() {
        return getMessage();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + key + " " + Arrays.toString(args) + "]: " + getMessage();
    }
}
