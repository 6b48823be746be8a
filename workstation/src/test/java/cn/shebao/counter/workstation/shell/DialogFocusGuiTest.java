package cn.shebao.counter.workstation.shell;

import static cn.shebao.counter.workstation.testing.DemoWindows.await;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.workstation.testing.DemoWindows;
import cn.shebao.counter.workstation.testing.DemoWindowsExtension;
import cn.shebao.counter.workstation.testing.GuiTest;
import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;
import java.util.concurrent.TimeUnit;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 18: a dialog opens with the keyboard in its first field, so what the clerk types lands there and Enter submits
 * it; a refusal is said in the dialog, keeping what was typed. Typing here goes to whatever has the focus (the robot
 * never clicks into the field first), so a dialog that left the focus on its button fails.
 */
@GuiTest
class DialogFocusGuiTest {

    @RegisterExtension
    final DemoWindowsExtension gui = new DemoWindowsExtension(40);
    private DemoWindows windows; // set by the extension before each test

    @Test
    void theManualConfirmationStartsInItsFirstFieldAndAWrongCoSignatureKeepsWhatWasTyped() {
        windows.start(true);
        FrameFixture main = windows.logIn("chenjing");
        FrameFixture simulator = WindowFinder.findFrame("simulatorWindow").withTimeout(20, TimeUnit.SECONDS).using(windows.robot());
        IdCard card = ServedCitizenGuiTest.cardsOn(simulator).get(0);
        main.pressAndReleaseKeys(KeyEvent.VK_F3);
        main.button("identity.manual").click();
        DialogFixture manual = WindowFinder.findDialog("manual.dialog").withTimeout(20, TimeUnit.SECONDS).using(windows.robot());
        await("focus in the ID number", () -> "manual.idNumber".equals(focusOwnerName()), 10);
        windows.robot().enterText(card.idNumber());
        assertThat(manual.textBox("manual.idNumber").text()).isEqualTo(card.idNumber());
        manual.checkBox("manual.copyTaken").check();
        manual.textBox("manual.supervisor").setText("zhaomin");
        manual.textBox("manual.supervisorPassword").setText("not-her-password");
        manual.textBox("manual.supervisorPassword").pressAndReleaseKeys(KeyEvent.VK_ENTER); // Enter submits

        await("refusal said in the dialog", () -> manual.label("manual.error").text().contains("不正确"), 30);
        manual.requireVisible();
        assertThat(manual.textBox("manual.idNumber").text()).as("kept").isEqualTo(card.idNumber());
        assertThat(manual.textBox("manual.supervisor").text()).as("kept").isEqualTo("zhaomin");
        assertThat(manual.textBox("manual.supervisorPassword").text()).as("never kept").isEmpty();
        await("back in the password", () -> "manual.supervisorPassword".equals(focusOwnerName()), 10);

        windows.robot().enterText(DemoWindows.demoPassword("zhaomin"));
        windows.robot().pressAndReleaseKeys(KeyEvent.VK_ENTER);
        await("confirmed", () -> main.label("identity.outcome").text().contains("已核验"), 30);
        assertThat(manual.target().isShowing()).isFalse();
    }

    /** The statement's year is typed at once and Enter prints it: the year picker is a form like the others. */
    @Test
    void theStatementsYearIsTypedAtOnceAndEnterPrintsThatYear() {
        windows.start(true);
        FrameFixture main = windows.logIn("chenjing");
        FrameFixture simulator = WindowFinder.findFrame("simulatorWindow").withTimeout(20, TimeUnit.SECONDS).using(windows.robot());
        GuiActionRunner.execute(() -> simulator.target().toFront());
        simulator.list("simulator.cards").selectItem(0);
        simulator.button("simulator.present").click();
        await("record opened", () -> DemoWindows.isShowing(main, "record"), 30);
        main.button("record.printStatement").click();
        await("focus in the year", DialogFocusGuiTest::isYearField, 10);
        javax.swing.JSpinner spinner = (javax.swing.JSpinner) windows.robot().finder().findByName("statement.year", javax.swing.JSpinner.class);
        windows.robot().pressAndReleaseKeys(KeyEvent.VK_BACK_SPACE, KeyEvent.VK_BACK_SPACE, KeyEvent.VK_BACK_SPACE, KeyEvent.VK_BACK_SPACE);
        windows.robot().enterText("2024");
        windows.robot().pressAndReleaseKeys(KeyEvent.VK_ENTER); // commits the typed year
        await("the typed year taken", () -> Integer.valueOf(2024).equals(spinner.getValue()), 10);
        windows.robot().pressAndReleaseKeys(KeyEvent.VK_ESCAPE); // Escape cancels: nothing printed
        await("the year dialog closed", () -> !spinner.isShowing(), 10);

        main.button("record.printStatement").click();
        await("focus in the year again", DialogFocusGuiTest::isYearField, 10);
        windows.robot().pressAndReleaseKeys(KeyEvent.VK_ENTER); // the proposed year, last year: Enter is OK
        DialogFixture document = WindowFinder.findDialog("document.dialog").withTimeout(60, TimeUnit.SECONDS).using(windows.robot());
        assertThat(document.target().getTitle()).contains("权益记录单");
        document.button("document.close").click();
    }

    /** Whether the keyboard is in the statement year's spinner (its editor's field has no name of its own). */
    private static boolean isYearField() {
        Component owner = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
        return owner != null && javax.swing.SwingUtilities.getAncestorNamed("statement.year", owner) != null;
    }

    /** The name of the component that has the keyboard focus now (call on the EDT). */
    static String focusOwnerName() {
        Component owner = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
        return owner == null ? null : owner.getName();
    }
}
