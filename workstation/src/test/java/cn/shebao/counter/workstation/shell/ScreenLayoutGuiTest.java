package cn.shebao.counter.workstation.shell;

import static cn.shebao.counter.workstation.testing.DemoWindows.await;
import static cn.shebao.counter.workstation.testing.DemoWindows.isShowing;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.testing.ClippedComponents;
import cn.shebao.counter.workstation.testing.DemoWindows;
import cn.shebao.counter.workstation.testing.DemoWindowsExtension;
import cn.shebao.counter.workstation.testing.GuiTest;
import java.awt.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 18: in either language every screen a supervisor-clerk sees fits a 1366 x 768 screen (the smallest counter
 * screen we support) with nothing cut: the component tree is walked and every label, button or field narrower than its
 * text or past the window's edge is named. In English the F2 search row ran off the window and F3's labels were cut.
 */
@GuiTest
class ScreenLayoutGuiTest {

    @RegisterExtension
    final DemoWindowsExtension gui = new DemoWindowsExtension(40);
    private DemoWindows windows; // set by the extension before each test

    @ParameterizedTest
    @EnumSource(UiSettings.Language.class)
    void everyScreenFitsA1366By768ScreenWithNothingCut(UiSettings.Language language) {
        new UiSettingsStore(windows.data()).save(UiSettings.defaults().withLanguage(language));
        windows.start(true);
        FrameFixture main = windows.logIn("sunli");
        if (language == UiSettings.Language.EN) {
            // The demo reader's window speaks the UI's language too.
            FrameFixture simulator = WindowFinder.findFrame("simulatorWindow").withTimeout(20, TimeUnit.SECONDS).using(windows.robot());
            assertThat(simulator.target().getTitle()).startsWith("Simulated");
        }
        GuiActionRunner.execute(() -> {
            main.target().setExtendedState(Frame.NORMAL);
            main.target().setSize(1366, 768 - 40); // a task bar takes the rest
            main.target().validate();
        });
        List<String> cut = new ArrayList<>();
        MainFrame frame = (MainFrame) main.target();
        List<String> screens = GuiActionRunner.execute(frame::screenNames);
        assertThat(screens).as("the screens a supervisor sees").hasSizeGreaterThan(5);
        for (String f : screens) {
            assertThat(isShowing(main, "nav." + f)).as("navigation button of %s", f).isTrue();
            GuiActionRunner.execute(() -> frame.open(f));
            await(f + " shown", () -> isShowing(main, "feature." + f), 10);
            List<String> here = GuiActionRunner.execute(() -> {
                main.target().validate();
                return ClippedComponents.in(main.target());
            });
            here.forEach(c -> cut.add(f + ": " + c));
        }
        assertThat(cut).as("cut or off the window in %s", language).isEmpty();
    }
}
