package cn.shebao.counter.workstation.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The workstation's translations. Simplified Chinese is the base bundle; lookups never fall back to
 * the JVM default locale, otherwise a clerk asking for Chinese on an English machine would get English.
 */
public final class Messages {

    public static final String BUNDLE = "cn.shebao.counter.workstation.i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
    }

    public static String format(Locale locale, String key, Object... args) {
        String pattern = bundle(locale).getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
