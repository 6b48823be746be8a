package cn.shebao.counter.workstation.shell;

import static cn.shebao.counter.workstation.testing.DemoWindows.await;
import static cn.shebao.counter.workstation.testing.DemoWindows.isShowing;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.workstation.drugs.DrugsPanel;
import cn.shebao.counter.workstation.testing.DemoWindows;
import cn.shebao.counter.workstation.testing.DemoWindowsExtension;
import cn.shebao.counter.workstation.testing.GuiTest;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.swing.JButton;
import javax.swing.JList;
import javax.swing.text.JTextComponent;
import javax.swing.ListModel;
import org.assertj.swing.core.matcher.JButtonMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 18: the citizen in front of the clerk is one for the whole window. A card of someone else replaces the
 * citizen on every screen and clears what those screens held for the previous one (F3 kept the previous username, F4
 * the previous diagnosis, F2 the previous record), asking first when typed input would be lost; a registration
 * clicked twice is registered once and the form is emptied after it.
 */
@GuiTest
class ServedCitizenGuiTest {

    @RegisterExtension
    final DemoWindowsExtension gui = new DemoWindowsExtension(40);
    private DemoWindows windows; // set by the extension before each test

    @Test
    void anotherCitizensCardReplacesTheCitizenOnEveryScreenAndAsksBeforeTypedInputIsLost() {
        windows.start(true);
        FrameFixture main = windows.logIn("chenjing");
        FrameFixture simulator = WindowFinder.findFrame("simulatorWindow").withTimeout(20, TimeUnit.SECONDS).using(windows.robot());
        List<IdCard> cards = cardsOn(simulator);
        IdCard earlier = cards.get(2);
        IdCard first = cards.get(0);
        IdCard second = cards.get(1);

        // F2: a card opens its holder's record.
        present(simulator, 2);
        await("record opened", () -> isShowing(main, "record") && main.label("record.idNumber").text().equals(earlier.idNumber()), 30);
        remove(simulator, main);

        // F3: the next citizen's card; a username is typed for them.
        main.pressAndReleaseKeys(KeyEvent.VK_F3);
        present(simulator, 0);
        await("card compared", () -> main.label("identity.problems").text().contains("一致")
                && main.label("identity.account").text().contains("账号"), 30);
        JTextComponent username = main.textBox("identity.username").target();
        GuiActionRunner.execute(() -> username.setText("stale.user"));
        remove(simulator, main);

        // F2 no longer shows the earlier citizen's record; F4 already serves the citizen of the F3 card.
        main.pressAndReleaseKeys(KeyEvent.VK_F2);
        await("the earlier record closed", () -> !isShowing(main, "record") && isShowing(main, "citizen.query"), 10);
        main.pressAndReleaseKeys(KeyEvent.VK_F4);
        await("F4 serves the same citizen", () -> main.label("drugs.citizen").text().contains(first.name()), 20);
        main.textBox("drugs.diagnosis").setText("M05.9");
        main.textBox("drugs.hospital").setText("浙江大学医学院附属第一医院");

        // Another card over typed input: asked first; keeping the citizen keeps what was typed.
        present(simulator, 1);
        answerReplace("继续办理当前市民");
        await("still the same citizen", () -> main.label("drugs.citizen").text().contains(first.name()), 10);
        assertThat(main.textBox("drugs.diagnosis").text()).isEqualTo("M05.9");
        remove(simulator, main);
        present(simulator, 1);
        answerReplace("放弃并办理新市民");
        await("the new citizen served", () -> main.label("drugs.citizen").text().contains(second.name()), 20);
        assertThat(main.textBox("drugs.diagnosis").text()).isEmpty();
        assertThat(main.textBox("drugs.hospital").text()).isEmpty();
        remove(simulator, main);

        // F3 forgot the previous citizen's card and the username typed for them.
        main.pressAndReleaseKeys(KeyEvent.VK_F3);
        assertThat(main.textBox("identity.username").text()).isEmpty();
        assertThat(main.label("identity.card").text()).doesNotContain(first.idNumber());
        assertThat(main.label("identity.account").text()).isBlank();
    }

    @Test
    void aRegistrationClickedTwiceIsRegisteredOnceAndItsSupervisorCannotSelectItForADecision() {
        windows.start(true);
        FrameFixture main = windows.logIn("sunli"); // supervisor and clerk: registers at F4, decides at F5
        FrameFixture simulator = WindowFinder.findFrame("simulatorWindow").withTimeout(20, TimeUnit.SECONDS).using(windows.robot());
        main.pressAndReleaseKeys(KeyEvent.VK_F4);
        DrugsPanel drugs = GuiActionRunner.execute(() -> windows.robot().finder().findByType(main.target(), DrugsPanel.class, true));
        JButton register = main.button("drugs.register").target();
        await("catalogue loaded", () -> main.comboBox("drugs.drug").target().getItemCount() > 0, 20);
        String registered = null;
        for (IdCard card : cardsOn(simulator)) {
            GuiActionRunner.execute(() -> drugs.cardRead(card));
            await("citizen found", () -> !drugs.working() && main.label("drugs.citizen").text().contains(card.name()), 20);
            long before = pendingAdalimumab(main);
            fillAdalimumabApplication(main);
            // Two clicks in one go, as a double click lands: the second finds the button off until the first answers.
            GuiActionRunner.execute(() -> {
                register.doClick();
                register.doClick();
            });
            await("answered", () -> !drugs.working(), 30);
            if (pendingAdalimumab(main) > before) {
                // A second request would have registered a twin or been refused as overlapping after the first
                // emptied the form: either way more than one answer.
                assertThat(pendingAdalimumab(main)).as("one application for two clicks").isEqualTo(before + 1);
                assertThat(main.label("drugs.message").text()).as("the one answer, the registration's").contains("已登记");
                assertThat(main.textBox("drugs.diagnosis").text()).isEmpty();
                assertThat(main.textBox("drugs.hospital").text()).isEmpty();
                assertThat(main.checkBox("drugs.certificate").target().isSelected()).isFalse();
                registered = card.name();
                break;
            }
            // Refused by a rule (no medical insurance in force): the form keeps what was typed, the message says why.
            assertThat(main.textBox("drugs.diagnosis").text()).isEqualTo("M05.9");
        }
        assertThat(registered).as("a demo citizen with medical insurance in force").isNotNull();

        // F5: the application is marked as this supervisor's own and cannot be selected for a decision (four eyes).
        main.pressAndReleaseKeys(KeyEvent.VK_F5);
        String applicant = registered;
        await("in the worklist, marked", () -> Arrays.stream(main.table("approvals.table").contents())
                .anyMatch(row -> row[1].equals(applicant) && row[2].contains("阿达木单抗") && row[6].contains("本人登记")), 30);
        String[][] rows = main.table("approvals.table").contents();
        for (int r = 0; r < rows.length; r++) {
            if (rows[r][1].equals(applicant) && rows[r][2].contains("阿达木单抗")) {
                main.table("approvals.table").selectRows(r);
            }
        }
        await("refused as a selection", () -> main.table("approvals.table").target().getSelectedRowCount() == 0
                && main.label("approvals.message").text().contains("另一位主管"), 10);
    }

    /**
     * A drug that needs a specified-disease registration sends the clerk to F4's registration tab with the diagnosis
     * filled in; registering there lets the same application through.
     */
    @Test
    void aDrugThatNeedsASpecifiedDiseaseRegistrationLeadsToItAndPassesAfterIt() {
        windows.start(true);
        FrameFixture main = windows.logIn("chenjing");
        FrameFixture simulator = WindowFinder.findFrame("simulatorWindow").withTimeout(20, TimeUnit.SECONDS).using(windows.robot());
        main.pressAndReleaseKeys(KeyEvent.VK_F4);
        DrugsPanel drugs = GuiActionRunner.execute(() -> windows.robot().finder().findByType(main.target(), DrugsPanel.class, true));
        await("catalogue loaded", () -> main.comboBox("drugs.drug").target().getItemCount() > 0, 20);
        // A mistyped number is explained and stays in the field to be corrected.
        main.textBox("drugs.idNumber").enterText("33010619991");
        main.textBox("drugs.idNumber").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        await("invalid number explained", () -> main.label("drugs.message").text().contains("身份证号无效"), 20);
        assertThat(main.textBox("drugs.idNumber").text()).isEqualTo("33010619991");
        boolean sentToRegistration = false;
        for (IdCard card : cardsOn(simulator)) {
            GuiActionRunner.execute(() -> drugs.cardRead(card));
            await("citizen found", () -> !drugs.working() && main.label("drugs.citizen").text().contains(card.name()), 20);
            GuiActionRunner.execute(() -> main.tabbedPane("drugs.lower").target().setSelectedIndex(0));
            fillApplication(main, "TY-XD-001", "C34.9");
            main.button("drugs.register").click();
            await("answered", () -> !drugs.working(), 30);
            if (main.label("drugs.message").text().contains("请先登记")) {
                sentToRegistration = true;
                break;
            }
        }
        assertThat(sentToRegistration).as("a demo citizen with medical insurance and no lung-cancer registration").isTrue();
        await("the registration tab, the diagnosis filled in", () -> isShowing(main, "diseases.panel")
                && main.textBox("diseases.code").text().equals("C34.9") && !main.textBox("diseases.name").text().isBlank(), 10);
        main.textBox("diseases.hospital").setText("浙江省肿瘤医院");
        main.button("disease.register").click();
        await("registered", () -> !drugs.working() && main.label("diseases.message").text().contains("已登记"), 30);
        assertThat(Arrays.stream(main.table("diseases.table").contents())).anyMatch(row -> row[0].equals("C34.9") && row[5].equals("有效"));

        GuiActionRunner.execute(() -> main.tabbedPane("drugs.lower").target().setSelectedIndex(0));
        main.button("drugs.register").click(); // the form kept what was typed
        await("the application passes now", () -> !drugs.working() && main.label("drugs.message").text().contains("已登记"), 30);
    }

    /** Fills F4's form for adalimumab (TY-XD-008) with every attachment ticked. */
    static void fillAdalimumabApplication(FrameFixture main) {
        fillApplication(main, "TY-XD-008", "M05.9");
    }

    private static void fillApplication(FrameFixture main, String drugCode, String diagnosis) {
        String[] drugs = main.comboBox("drugs.drug").contents();
        int index = Arrays.asList(drugs).indexOf(Arrays.stream(drugs).filter(d -> d.contains(drugCode)).findFirst().orElseThrow());
        main.comboBox("drugs.drug").selectItem(index);
        main.textBox("drugs.diagnosis").setText(diagnosis);
        main.textBox("drugs.hospital").setText("浙江大学医学院附属第一医院");
        main.textBox("drugs.doctor").setText("李医生");
        main.checkBox("drugs.certificate").check();
        main.checkBox("drugs.prescription").check();
        main.checkBox("drugs.reports").check();
    }

    private static long pendingAdalimumab(FrameFixture main) {
        return Arrays.stream(main.table("drugs.applications").contents())
                .filter(row -> row[0].contains("阿达木单抗") && row[5].equals("待审批")).count();
    }

    private void answerReplace(String button) {
        DialogFixture ask = WindowFinder.findDialog("citizen.replace").withTimeout(20, TimeUnit.SECONDS).using(windows.robot());
        ask.button(JButtonMatcher.withText(button)).click();
    }

    private static void present(FrameFixture simulator, int index) {
        GuiActionRunner.execute(() -> simulator.target().toFront()); // the main window may cover the reader panel
        simulator.list("simulator.cards").selectItem(index);
        simulator.button("simulator.present").click();
    }

    private static void remove(FrameFixture simulator, FrameFixture main) {
        GuiActionRunner.execute(() -> simulator.target().toFront());
        simulator.button("simulator.remove").click();
        await("card taken out", () -> !main.label("status.reader").text().contains("已读取"), 20);
    }

    /** The demo cards the simulator offers, in its order. */
    static List<IdCard> cardsOn(FrameFixture simulator) {
        return GuiActionRunner.execute(() -> {
            ListModel<?> model = ((JList<?>) simulator.list("simulator.cards").target()).getModel();
            List<IdCard> cards = new ArrayList<>();
            for (int i = 0; i < model.getSize(); i++) {
                cards.add((IdCard) model.getElementAt(i));
            }
            return cards;
        });
    }
}
