package cn.shebao.counter.workstation.shell;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.app.WorkstationOptions;
import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.testing.GuiTest;
import cn.shebao.counter.workstation.testing.TestCentral;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real workstation against the central service (mutual TLS, PostgreSQL behind it), from the first start: enrolled on the first-run screen (initial load with
 * progress), then logged in, syncing in the background and saying so.
 */
@GuiTest
class EnrolledWorkstationGuiTest {

    private static final long SEED = 7;

    @TempDir
    Path tmp;

    @Test
    void anEnrolledWorkstationShowsItIsOnlineAndSyncsOnRequest() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase(); TestCentral service = TestCentral.start(pg.dataSource(), tmp.resolve("pki"))) {
            String enrolmentCode = service.openCode("HZ-GUI-01");
            try (SessionFactory central = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).create(pg.dataSource())) {
                new DemoDataGenerator(new DemoDataGenerator.Settings(SEED, 60, LocalDate.of(2026, 11, 1), 3, 60).withArchive(24))
                        .generate(new HibernateDemoSink(central), (d, t, r) -> { });
            }
            String dir = tmp.resolve("ws").toString();
            // No TPM on the test machine: IT allowed the software key store there, and the status bar must keep saying so.
            Files.createDirectories(Path.of(dir));
            Files.writeString(Path.of(dir, "workstation.properties"), "allowSoftwareKey=true\n");
            Robot robot = BasicRobot.robotWithNewAwtHierarchy();
            WorkstationApp app = new WorkstationApp(new WorkstationOptions(new DataDirectory(Path.of(dir)), false, 0));
            try {
                app.start();
                // First run: IT enrols the workstation on the first-run screen; a wrong code is explained first.
                FrameFixture first = WindowFinder.findFrame("notEnrolled").withTimeout(60, TimeUnit.SECONDS).using(robot);
                first.focus();
                first.textBox("enrol.url").setText(service.url());
                first.textBox("enrol.caFile").setText(service.caFile().toString());
                first.textBox("enrol.enrolmentCode").setText(enrolmentCode);
                first.textBox("enrol.code").setText("HZ GUI 01");
                first.textBox("enrol.code").pressAndReleaseKeys(KeyEvent.VK_ENTER); // Enter enrols: keyboard first
                await(() -> first.label("enrol.message").text().contains("工作站编号"));
                // A code opened for another workstation is explained in words, and the form keeps what was typed.
                first.textBox("enrol.enrolmentCode").setText(service.openCode("HZ-GUI-99"));
                first.textBox("enrol.code").setText("HZ-GUI-01");
                first.button("enrol.submit").click();
                await(() -> first.label("enrol.message").text().contains("不是为这个工作站编号开具的"));
                assertThat(first.textBox("enrol.url").text()).isEqualTo(service.url());
                first.textBox("enrol.enrolmentCode").setText(enrolmentCode);
                first.button("enrol.submit").click();
                FrameFixture login = WindowFinder.findFrame("login").withTimeout(60, TimeUnit.SECONDS).using(robot);
                var clerk = DemoDataGenerator.demoStaff(SEED).get(0);
                login.textBox("login.username").setText(clerk.username());
                login.textBox("login.password").setText(clerk.demoPassword());
                login.button("login.submit").click();
                FrameFixture main = WindowFinder.findFrame("main").withTimeout(60, TimeUnit.SECONDS).using(robot);
                await(() -> main.label("status.network").text().contains("在线"));
                assertThat(main.label("status.softwareKey").text()).isEqualTo("密钥仅受软件保护");
                // The login itself was audited and shipped: the queue empties within a sync round or two.
                await(() -> main.label("status.pending").text().contains("：0 条"));

                // A retiree's working years are older than this window's replica: online, they come from central's archive.
                main.textBox("citizen.query").setText(retireeIdNumber(pg));
                main.textBox("citizen.query").pressAndReleaseKeys(KeyEvent.VK_ENTER);
                // A whole ID number with one match goes straight to the purpose question.
                var purpose = WindowFinder.findDialog("purpose.dialog").withTimeout(10, TimeUnit.SECONDS).using(robot);
                purpose.radioButton("purpose.WINDOW_WITH_ID").click();
                purpose.button("purpose.ok").click();
                await(() -> showing(main, "record.tabs"));
                main.tabbedPane("record.tabs").selectTab("缴费明细");
                await(() -> showing(main, "contributions.older") && main.label("contributions.older").text().contains("中心档案"));
                assertThat(main.table("contributions.lines").rowCount()).isPositive();
                main.pressAndReleaseKeys(KeyEvent.VK_ESCAPE);

                main.pressAndReleaseKeys(KeyEvent.VK_F7);
                main.button("sync.now").click();
                await(() -> !main.label("sync.lastPull").text().contains("尚未"));
                assertThat(main.label("sync.state").text()).contains("在线");

                // The PC is reported stolen: IT revokes it, and at its next round it closes everything and offers only exit.
                service.machines().revoke("HZ-GUI-01", "reported stolen");
                FrameFixture disabled = WindowFinder.findFrame("disabled").withTimeout(60, TimeUnit.SECONDS).using(robot);
                assertThat(disabled.label("disabled.message").text()).contains("已被信息科停用");
                assertThat(java.awt.Window.getWindows()).noneMatch(w -> w.isShowing() && ("main".equals(w.getName())
                        || "login".equals(w.getName())));
                disabled.button("disabled.exit").click();
                assertThat(app.awaitExit(60, TimeUnit.SECONDS)).isZero();
            } finally {
                GuiActionRunner.execute(() -> app.exit(0));
                assertThat(app.awaitExit(60, TimeUnit.SECONDS)).isZero();
                robot.cleanUp();
            }
        }
    }

    private static String retireeIdNumber(TestPostgres pg) throws java.sql.SQLException {
        try (java.sql.Connection c = pg.dataSource().getConnection(); java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT p.citizen_id_number FROM insured_person p WHERE p.status = 'RETIRED'"
                        + " AND EXISTS (SELECT 1 FROM contribution_archive a WHERE a.person_id = p.id) ORDER BY p.id")) {
            assertThat(rs.next()).as("a retiree with archived months").isTrue();
            return rs.getString(1);
        }
    }

    private static boolean showing(FrameFixture frame, String name) {
        return frame.robot().finder().findAll(frame.target(), new org.assertj.swing.core.NameMatcher(name)).stream()
                .anyMatch(java.awt.Component::isShowing);
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        Pause.pause(new Condition("condition") {
            @Override
            public boolean test() {
                Boolean met = GuiActionRunner.execute(() -> condition.getAsBoolean());
                return met;
            }
        }, Timeout.timeout(30, TimeUnit.SECONDS));
    }
}
