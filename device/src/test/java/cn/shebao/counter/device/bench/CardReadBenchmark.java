package cn.shebao.counter.device.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.device.TestCards;
import cn.shebao.counter.device.card.IdCardText;
import cn.shebao.counter.device.protocol.Command;
import cn.shebao.counter.device.protocol.ModuleStatus;
import cn.shebao.counter.device.protocol.Response;
import cn.shebao.counter.device.pty.SocatPair;
import cn.shebao.counter.device.reader.CardEvent;
import cn.shebao.counter.device.reader.CardReader;
import cn.shebao.counter.device.reader.ReaderTimings;
import cn.shebao.counter.device.reader.SerialPortLink;
import cn.shebao.counter.device.sim.ReaderSimulator;
import cn.shebao.counter.device.sim.SimulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a test (run by scripts/bench.sh): time from a card being presented to the decoded IdCard
 * being delivered, with the simulator paced at 115200 baud over a socat pty, printed next to the wire time
 * of the frames involved (the physical floor) plus one polling interval.
 */
@Tag("bench")
class CardReadBenchmark {

    private static final int BAUD = 115200;
    private static final int PRESENTATIONS = Integer.getInteger("bench.presentations", 40);

    @TempDir
    Path tmp;

    @Test
    void presentedToDelivered() throws Exception {
        ReaderTimings timings = ReaderTimings.standard();
        int wireBytes = Command.FIND_CARD.frame().length + Response.frame(ModuleStatus.CARD_FOUND, new byte[4]).length
                + Command.SELECT_CARD.frame().length + Response.frame(ModuleStatus.SUCCESS, new byte[8]).length
                + Command.READ_TEXT_PHOTO.frame().length
                + Response.frame(ModuleStatus.SUCCESS, new byte[4 + IdCardText.LENGTH + ReaderSimulator.PHOTO_LENGTH]).length;
        double floorMillis = wireBytes * 10_000.0 / BAUD;
        List<Double> millis = new ArrayList<>();
        ReaderSimulator simulator = new ReaderSimulator();
        BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
        try (SocatPair pair = new SocatPair(tmp).start();
                SimulatorServer server = new SimulatorServer(simulator, pair.devicePath(), BAUD).start();
                CardReader reader = new CardReader(new SerialPortLink(pair.readerPath(), BAUD), timings)) {
            reader.addListener(events::add);
            reader.start();
            await(events, CardEvent.ReaderConnected.class);
            for (int i = 0; i < PRESENTATIONS + 3; i++) {
                Thread.sleep(37 + (i * 53) % 100); // present at varying points of the polling cycle
                long start = System.nanoTime();
                simulator.present(TestCards.CARD, null);
                await(events, CardEvent.CardRead.class);
                double ms = (System.nanoTime() - start) / 1e6;
                if (i >= 3) { // the first reads warm up the JIT
                    millis.add(ms);
                }
                simulator.remove();
                await(events, CardEvent.CardRemoved.class);
            }
        }
        Collections.sort(millis);
        double median = millis.get(millis.size() / 2);
        double p95 = millis.get((int) Math.ceil(millis.size() * 0.95) - 1);
        double target = 1.5 * floorMillis + timings.pollMillis();
        String table = String.format(Locale.ROOT, """

                | Card presented -> IdCard delivered, %d reads, 115200 baud over a socat pty | ms |
                |---|---:|
                | physical floor: %d bytes of find, select and read frames on the wire | %.1f |
                | polling interval | %d |
                | median | %.1f |
                | p95 | %.1f |
                | target: 1.5 x floor + one polling interval | %.1f |
                """, millis.size(), wireBytes, floorMillis, timings.pollMillis(), median, p95, target);
        System.out.println(table);
        Files.writeString(Path.of("target", "bench-card-read.md"), table);
        assertThat(median).isGreaterThan(floorMillis * 0.9); // pacing really happened
    }

    private static <T extends CardEvent> void await(BlockingQueue<CardEvent> events, Class<T> type) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < end) {
            if (type.isInstance(events.poll(50, TimeUnit.MILLISECONDS))) {
                return;
            }
        }
        throw new AssertionError("no " + type.getSimpleName());
    }
}
