package cn.shebao.counter.workstation.ui;

import cn.shebao.counter.device.id.InvalidCitizenIdException;
import cn.shebao.counter.reports.render.ReportException;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.store.DiskFull;
import java.util.Locale;

/** The translations in the language the clerk chose; handed to every view (no global lookup). */
public final class Texts {

    private final Locale locale;

    public Texts(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String text(String key, Object... args) {
        return Messages.format(locale, key, args);
    }

    /** The text of a key built from data (a conflict kind from a newer central), or the fallback when there is none. */
    public String textOr(String key, String fallback) {
        return Messages.bundle(locale).containsKey(key) ? text(key) : fallback;
    }

    /** A translated message for any failure: ours carry a key, others get a generic sentence. */
    public String describe(Throwable t) {
        Throwable cause = t;
        while (cause != null) {
            if (cause instanceof LocalizedException le) {
                return le.message(locale);
            }
            if (cause instanceof ReportException report) {
                return report.message(locale);
            }
            if (cause instanceof InvalidCitizenIdException invalid) {
                return text("citizen.error.invalidId", invalid.localizedReason(locale));
            }
            cause = cause.getCause();
        }
        if (DiskFull.causedBy(t)) {
            return text("error.diskFull");
        }
        return text("error.unexpected");
    }
}
