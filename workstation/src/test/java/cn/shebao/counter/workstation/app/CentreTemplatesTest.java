package cn.shebao.counter.workstation.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.reports.ReportTemplate;
import cn.shebao.counter.reports.overrides.OverrideRefusal;
import cn.shebao.counter.reports.overrides.TemplateKey;
import cn.shebao.counter.reports.overrides.TemplateSigning;
import cn.shebao.counter.reports.render.ReportRenderer;
import cn.shebao.counter.workstation.platform.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workstation trusts a centre template with the key IT put in workstation.properties, and with nothing else. */
class CentreTemplatesTest {

    @TempDir
    Path tmp;

    private DataDirectory dir;
    private KeyPair centreKey;

    @BeforeEach
    void signedSlip() throws Exception {
        dir = new DataDirectory(tmp.resolve("data"));
        Path templates = Files.createDirectories(dir.root().resolve(CentreTemplates.DIRECTORY));
        Path slip = templates.resolve("credential-slip.jrxml");
        Files.copy(Path.of("../reports/src/main/jasperreports/credential-slip.jrxml"), slip);
        centreKey = TemplateSigning.generate();
        TemplateSigning.sign(centreKey.getPrivate(), slip);
    }

    private static Properties settings(String publicKey) {
        Properties p = new Properties();
        if (publicKey != null) {
            p.setProperty(CentreTemplates.PUBLIC_KEY, publicKey);
        }
        return p;
    }

    @Test
    void theConfiguredKeyLetsTheSignedTemplateIn() throws Exception {
        String configured = TemplateKey.of(centreKey.getPublic()).encoded();
        assertThat(new ReportRenderer(CentreTemplates.of(dir, settings(" " + configured + " "))).loadAll()).isEmpty();
    }

    @Test
    void noKeyAnUnreadableKeyOrAnotherCentresKeyLetNothingIn() throws Exception {
        String other = TemplateKey.of(TemplateSigning.generate().getPublic()).encoded();
        assertThat(refusal(settings(null))).isEqualTo(OverrideRefusal.Reason.NO_KEY);
        assertThat(refusal(settings("not a key"))).isEqualTo(OverrideRefusal.Reason.NO_KEY);
        assertThat(refusal(settings(other))).isEqualTo(OverrideRefusal.Reason.BAD_SIGNATURE);
    }

    private OverrideRefusal.Reason refusal(Properties settings) throws Exception {
        return new ReportRenderer(CentreTemplates.of(dir, settings)).loadAll().get(ReportTemplate.CREDENTIAL_SLIP).reason();
    }
}
