package cn.shebao.counter.device.id;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The device module's translations. The base bundle is Simplified Chinese; lookups never fall back
 * to the JVM default locale, otherwise asking for Chinese on an English machine would give English.
 */
public final class DeviceMessages {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private DeviceMessages() {
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("cn.shebao.counter.device.messages", locale, NO_FALLBACK);
    }
}
