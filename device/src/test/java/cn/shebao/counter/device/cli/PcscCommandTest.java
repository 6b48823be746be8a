package cn.shebao.counter.device.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.device.id.Gender;
import cn.shebao.counter.device.sim.VirtualHolderCard;
import cn.shebao.counter.device.smartcard.VirtualReaders;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pcsc list|read|watch} against the real pcscd with our virtual card in vsmartcard's reader. */
class PcscCommandTest {

    private static final String HOLDER = CitizenIdNumber.of("330106", LocalDate.of(1968, 5, 17), 23).value();

    @TempDir
    Path tmp;

    @BeforeAll
    static void virtualReaders() {
        VirtualReaders.requireRunning();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new DeviceCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static VirtualHolderCard card() {
        return VirtualHolderCard.socialSecurityCard(HOLDER, "张三丰", Gender.MALE, "01", LocalDate.of(1968, 5, 17), "A12345678",
                LocalDate.of(2019, 6, 1), LocalDate.of(2099, 5, 31));
    }

    @Test
    void listNamesEveryReaderAndWhetherACardIsIn() throws Exception {
        try (VirtualHolderCard in = card().insert(VirtualReaders.SECOND_SLOT)) {
            // pcscd notices the card on its own poll: asked until it has (a loaded machine takes longer).
            Run run = run("pcsc", "list");
            long end = System.nanoTime() + 20_000_000_000L;
            while (!run.out().contains(VirtualReaders.SECOND + "\t有卡") && !run.out().contains(VirtualReaders.SECOND + "\tcard in")
                    && System.nanoTime() < end) {
                Thread.sleep(100);
                run = run("pcsc", "list");
            }
            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains(VirtualReaders.FIRST).contains(VirtualReaders.SECOND)
                    .containsAnyOf(VirtualReaders.SECOND + "\t有卡", VirtualReaders.SECOND + "\tcard in");
        }
    }

    @Test
    void readPrintsTheCardAsJsonAndWithoutJsonMasksTheNumber() throws Exception {
        try (VirtualHolderCard in = card().insert(VirtualReaders.FIRST_SLOT)) {
            Run json = run("pcsc", "read", "--json", "--timeout", "30");
            assertThat(json.exit()).as(json.err()).isZero();
            assertThat(json.out()).contains("\"idNumber\":\"" + HOLDER + "\"").contains("张三丰").contains("\"layout\":\"社会保障卡\"");
        }
        awaitEmpty(VirtualReaders.FIRST);
        try (VirtualHolderCard in = card().insert(VirtualReaders.FIRST_SLOT)) {
            Run plain = run("pcsc", "read", "--timeout", "30");
            assertThat(plain.exit()).as(plain.err()).isZero();
            assertThat(plain.out()).contains("A12345678").doesNotContain(HOLDER);
        }
    }

    /** pcscd has seen the card taken out (the next one would otherwise be a swap faster than its poll). */
    private static void awaitEmpty(String reader) throws Exception {
        javax.smartcardio.CardTerminal terminal = cn.shebao.counter.device.smartcard.PcscTerminals.open().list().stream()
                .filter(t -> t.getName().equals(reader)).findFirst().orElseThrow();
        assertThat(terminal.waitForCardAbsent(20_000)).isTrue();
    }

    @Test
    void watchPrintsTheReadersAndEachCardWithTheNumberMasked() throws Exception {
        try (VirtualHolderCard in = card().insert(VirtualReaders.FIRST_SLOT)) {
            // A card already in when the watch starts is read like one inserted later.
            Run run = run("pcsc", "watch", "--cards", "1", "--seconds", "60");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("ReaderConnected[port=" + VirtualReaders.FIRST).contains("A12345678")
                    .doesNotContain(HOLDER);
        }
    }

    @Test
    void aCitysLayoutFileIsReadAndABadOneNamed() throws Exception {
        Path layout = tmp.resolve("hangzhou.properties");
        Files.writeString(layout, "card.name=杭州市民卡\ncard.aid=A000000632010105\n");
        try (VirtualHolderCard in = card().withApplication(java.util.HexFormat.of().parseHex("A000000632010105"))
                .insert(VirtualReaders.FIRST_SLOT)) {
            Run run = run("pcsc", "read", "--json", "--layout", layout.toString(), "--timeout", "30");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("杭州市民卡");
        }
        Files.writeString(layout, "card.name=杭州市民卡\ncard.aid=not hex\n");
        Run bad = run("pcsc", "read", "--layout", layout.toString(), "--timeout", "1");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("card.aid");
    }
}
