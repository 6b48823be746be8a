package cn.shebao.counter.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.reports.data.SampleDocuments;
import cn.shebao.counter.reports.render.ReportException;
import cn.shebao.counter.reports.render.ReportPrinter;
import cn.shebao.counter.reports.render.ReportRenderer;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReportPrinterTest {

    @Test
    void aMissingPrinterIsAnErrorNamingItNeverAFallback() throws Exception {
        var document = new ReportRenderer().render(SampleDocuments.slip());
        String name = "Window 3 printer (unplugged)";
        assertThat(ReportPrinter.printers()).doesNotContain(name);
        assertThatThrownBy(() -> new ReportPrinter().print(document, name, 1))
                .isInstanceOfSatisfying(ReportException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ReportException.Problem.PRINTER_NOT_FOUND);
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains(name).contains("没有打印到其他打印机");
                    assertThat(e.message(Locale.ENGLISH)).contains(name).contains("Nothing was sent to another printer");
                });
    }

    @Test
    void copiesAreBounded() throws Exception {
        var document = new ReportRenderer().render(SampleDocuments.slip());
        assertThatThrownBy(() -> new ReportPrinter().print(document, "any", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
