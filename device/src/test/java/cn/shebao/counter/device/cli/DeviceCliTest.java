package cn.shebao.counter.device.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.device.TestCards;
import cn.shebao.counter.device.card.CardJson;
import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.device.pty.SocatPair;
import cn.shebao.counter.device.sim.ReaderSimulator;
import cn.shebao.counter.device.sim.SimulatorServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The diagnostics CLI against a simulated reader on a socat pty pair. */
class DeviceCliTest {

    @TempDir
    Path tmp;

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

    @Test
    void readPrintsTheCardAsJsonThatSimulateAcceptsAgain() throws Exception {
        try (SocatPair pair = new SocatPair(tmp).start()) {
            ReaderSimulator simulator = new ReaderSimulator();
            simulator.present(TestCards.CARD, null);
            try (SimulatorServer server = new SimulatorServer(simulator, pair.devicePath(), 115200).start()) {
                Run read = run("read", "--port", pair.readerPath(), "--json", "--timeout", "15");
                assertThat(read.exit()).as(read.err()).isZero();
                assertThat(read.out()).contains("\"name\"", "\"id\"", "\"to\"", "\"gender\" : \"1\"");
                IdCard parsed = CardJson.read(read.out());
                assertThat(parsed).isEqualTo(TestCards.CARD);

                Run sam = run("sam-id", "--port", pair.readerPath());
                assertThat(sam.exit()).isZero();
                assertThat(sam.out().strip()).isEqualTo("10 11 12 13 14 15 16 17 18 19 1A 1B 1C 1D 1E 1F");
            }
        }
    }

    @Test
    void simulateServesACardFileInItsOwnProcess() throws Exception {
        Path cardFile = tmp.resolve("card.json");
        Files.writeString(cardFile, CardJson.write(TestCards.CARD), StandardCharsets.UTF_8);
        try (SocatPair pair = new SocatPair(tmp).start()) {
            Process simulate = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), DeviceCli.class.getName(),
                    "simulate", "--port", pair.devicePath(), "--card", cardFile.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                Run read = run("read", "--port", pair.readerPath(), "--timeout", "20");
                assertThat(read.exit()).as(read.err()).isZero();
                assertThat(read.out()).contains("司马昇").contains(TestCards.CARD.maskedIdNumber())
                        .doesNotContain(TestCards.CARD.idNumber());
            } finally {
                simulate.destroy();
                simulate.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void noCardTimesOutAndAMissingPortIsReportedPlainly() throws Exception {
        try (SocatPair pair = new SocatPair(tmp).start()) {
            ReaderSimulator empty = new ReaderSimulator();
            try (SimulatorServer server = new SimulatorServer(empty, pair.devicePath(), 115200).start()) {
                Run read = run("read", "--port", pair.readerPath(), "--timeout", "1");
                assertThat(read.exit()).isEqualTo(DeviceCli.TIMED_OUT);
                assertThat(read.err()).containsAnyOf("1 s", "1 秒");
            }
        }
        Run missing = run("read", "--port", tmp.resolve("no-such-tty").toString(), "--timeout", "1");
        assertThat(missing.exit()).isEqualTo(DeviceCli.PORT_UNUSABLE);
        assertThat(missing.err()).contains("no-such-tty");
    }

    @Test
    void aBadCardFileIsRefusedWithItsReason() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, CardJson.write(TestCards.CARD).replace(TestCards.CARD.idNumber(),
                TestCards.CARD.idNumber().substring(0, 17) + (TestCards.CARD.idNumber().endsWith("0") ? "1" : "0")));
        Run r = run("simulate", "--port", tmp.resolve("x").toString(), "--card", bad.toString());
        assertThat(r.exit()).isEqualTo(DeviceCli.CARD_UNREADABLE);
    }
}
