package cn.shebao.counter.workstation.identity;

import cn.shebao.counter.reports.data.CredentialSlip;
import cn.shebao.counter.reports.render.ReportException;
import cn.shebao.counter.reports.render.ReportRenderer;
import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.security.StaffSession;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * Renders the credential slip. Two renderings: the one that goes to paper holds the password; the one on screen
 * masks it, so the password is never displayed. Slips are always in Chinese, like every official document.
 */
public final class CredentialSlips {

    private static final Locale DOCUMENT = Locale.SIMPLIFIED_CHINESE;
    private static final String MASK = "●●●●●●●●●●●●";

    /** The slip to print, and its masked twin to show. */
    public record Rendered(JasperPrint print, JasperPrint preview) {
    }

    private final ReportRenderer renderer;
    private final Clock clock;
    private final String workstationCode;

    public CredentialSlips(ReportRenderer renderer, Clock clock, String workstationCode) {
        this.renderer = renderer;
        this.clock = clock;
        this.workstationCode = workstationCode;
    }

    public Rendered render(IssuedCredential credential, boolean active, StaffSession clerk) throws ReportException {
        return new Rendered(renderer.render(slip(credential, new String(credential.password()), active, clerk)),
                renderer.render(slip(credential, MASK, active, clerk)));
    }

    /** Only for {@link #render}; the String holding the password lives as long as the rendering call. */
    private CredentialSlip slip(IssuedCredential c, String password, boolean active, StaffSession clerk) {
        DateTimeFormatter date = DateTimeFormatter.ofPattern(t("document.datePattern"), DOCUMENT);
        return new CredentialSlip(t("document.centreName"), t(c.reset() ? "slip.titleReset" : "slip.title"),
                t("slip.username"), c.username(), t("slip.password"), password, t("slip.scope"),
                t("scope." + c.scope().name()), t(active ? "slip.active" : "slip.pending"),
                t("slip.instructions", date.format(LocalDate.ofInstant(c.passwordExpiresAt(), clock.getZone()))),
                t("slip.issuedBy", workstationCode, clerk.displayName(), date.format(LocalDate.now(clock))));
    }

    private static String t(String key, Object... args) {
        return Messages.format(DOCUMENT, key, args);
    }
}
