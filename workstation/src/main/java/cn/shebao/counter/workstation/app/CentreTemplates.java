package cn.shebao.counter.workstation.app;

import cn.shebao.counter.reports.overrides.TemplateKey;
import cn.shebao.counter.reports.overrides.TemplateOverrides;
import cn.shebao.counter.workstation.platform.DataDirectory;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The centre's own templates for this workstation: {@code <data>/templates/}, trusted only with the template key
 * IT set in {@code workstation.properties} ({@code templates.publicKey}, printed by {@code shebao-reports
 * template-key}). The data directory is the clerk account's, so anything there could have been written by whoever
 * uses that account; the key is what tells the centre's templates from theirs.
 */
final class CentreTemplates {

    static final String PUBLIC_KEY = "templates.publicKey";
    static final String DIRECTORY = "templates";

    private static final Logger LOG = LoggerFactory.getLogger(CentreTemplates.class);

    private CentreTemplates() {
    }

    static TemplateOverrides of(DataDirectory dir, Properties settings) {
        String configured = settings.getProperty(PUBLIC_KEY, "").strip();
        TemplateKey key = null;
        if (!configured.isEmpty()) {
            try {
                key = TemplateKey.parse(configured);
            } catch (IllegalArgumentException e) {
                // Refusing every override is the safe reading of a key that cannot be read; each refusal says so.
                LOG.error("{} in {} is not an Ed25519 public key; no centre template will be used", PUBLIC_KEY, Enrolment.FILE);
            }
        }
        return new TemplateOverrides(dir.root().resolve(DIRECTORY), key);
    }
}
