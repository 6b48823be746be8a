package cn.shebao.counter.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** JasperReports' own viewer speaks Chinese in the Chinese UI: every key of its English texts has a Chinese one. */
class ViewerTranslationTest {

    private static final String VIEWER = "net/sf/jasperreports/view/viewer";

    @Test
    void everyViewerTextHasItsChinese() {
        ResourceBundle english = ResourceBundle.getBundle(VIEWER, Locale.ROOT);
        ResourceBundle chinese = ResourceBundle.getBundle(VIEWER, Locale.SIMPLIFIED_CHINESE);
        assertThat(chinese.getString("print")).isEqualTo("打印");
        assertThat(chinese.getString("page")).contains("{0}").contains("{1}");
        for (String key : english.keySet()) {
            assertThat(chinese.getString(key)).as(key).isNotEqualTo(english.getString(key));
        }
    }
}
