package cn.shebao.counter.workstation.shell;

import java.util.Locale;

/** What a clerk may choose about the user interface; kept per data directory. */
public record UiSettings(Theme theme, Language language, int idleLockSeconds) {

    public enum Theme { LIGHT, DARK }

    /** The two complete translations; Simplified Chinese is the default. */
    public enum Language {
        ZH_CN(Locale.SIMPLIFIED_CHINESE), EN(Locale.ENGLISH);

        private final Locale locale;

        Language(Locale locale) {
            this.locale = locale;
        }

        public Locale locale() {
            return locale;
        }
    }

    public static final int DEFAULT_IDLE_LOCK_SECONDS = 300;

    public UiSettings {
        if (idleLockSeconds < 1) {
            throw new IllegalArgumentException("idle lock must be at least one second");
        }
    }

    public static UiSettings defaults() {
        return new UiSettings(Theme.LIGHT, Language.ZH_CN, DEFAULT_IDLE_LOCK_SECONDS);
    }

    public UiSettings withTheme(Theme t) {
        return new UiSettings(t, language, idleLockSeconds);
    }

    public UiSettings withLanguage(Language l) {
        return new UiSettings(theme, l, idleLockSeconds);
    }

    public UiSettings withIdleLockSeconds(int s) {
        return new UiSettings(theme, language, s);
    }
}
