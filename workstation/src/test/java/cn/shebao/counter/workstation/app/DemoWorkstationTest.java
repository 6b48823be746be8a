package cn.shebao.counter.workstation.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.screen.Screen;
import cn.shebao.counter.workstation.ui.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo mode as a real workstation: a local demo central (child JVM), enrolled, loaded, online, and gone on close. */
class DemoWorkstationTest {

    @TempDir
    Path tmp;

    @Test
    void demoCentralIsLocalSyncsAndStopsWithTheWorkstation() throws Exception {
        DataDirectory dir = new DataDirectory(tmp.resolve("demo"));
        long childrenBefore = ProcessHandle.current().children().count();
        try (Workstation w = Workstation.open(new WorkstationOptions(dir, true, 30), p -> { })) {
            assertThat(Workstation.isEnrolled(dir)).isTrue();
            assertThat(w.sync()).isPresent();
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!w.sync().get().status().online() && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            assertThat(w.sync().get().status().online()).isTrue();
            String enrolment = Files.readString(dir.root().resolve(Enrolment.FILE));
            assertThat(enrolment).contains("127.0.0.1");
            assertThat(enrolment.lines().filter(l -> !l.startsWith("#"))).noneMatch(l -> l.toLowerCase().contains("password"))
                    .noneMatch(l -> l.contains("jdbc:"));
            everyFeatureScreenIsListedAndNamedInBothLanguages(w);
            // Enrolled like a production workstation: a certificate from the demo CA, bound to the demo code.
            assertThat(NodeIdentity.load(dir, cn.shebao.counter.workstation.store.KeyStoreKeyProtector.forMachine(dir.keys())).orElseThrow()
                    .certificate().getSubjectX500Principal().getName()).contains("CN=" + Workstation.DEMO_WORKSTATION_CODE);
        }
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (ProcessHandle.current().children().count() > childrenBefore && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.current().children().count()).as("demo central stopped").isEqualTo(childrenBefore);

        // A second start reuses the demo central's data and the loaded replica.
        try (Workstation again = Workstation.open(new WorkstationOptions(dir, true, 30), p -> { })) {
            assertThat(again.sync()).isPresent();
            long online = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!again.sync().get().status().online() && System.nanoTime() < online) {
                Thread.sleep(100);
            }
            assertThat(again.sync().get().status().online()).as("online again on a new port, same certificate").isTrue();
        }
    }

    /**
     * The screens' list is the composition root's one line per feature. Their panels are opened by the GUI tests (a
     * panel here would start its first reads against a workstation about to close).
     */
    private static void everyFeatureScreenIsListedAndNamedInBothLanguages(Workstation w) {
        assertThat(w.screens()).extracting(Screen::name).containsExactly("CITIZEN_LOOKUP", "IDENTITY", "SPECIAL_DRUGS",
                "APPROVALS", "CERTIFICATES", "AUDIT", "STAFF");
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            Texts texts = new Texts(locale);
            assertThat(w.screens()).allSatisfy(screen -> assertThat(texts.textOr("feature." + screen.name(), null))
                    .as("navigation text of %s in %s", screen.name(), locale).isNotBlank());
        }
    }
}
