package cn.shebao.counter.device.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.device.id.Gender;
import cn.shebao.counter.device.reader.CardEvent;
import cn.shebao.counter.device.sim.VirtualHolderCard;
import cn.shebao.counter.device.smartcard.CardLayout;
import cn.shebao.counter.device.smartcard.HolderCardReader;
import cn.shebao.counter.device.smartcard.PcscCardReader;
import cn.shebao.counter.device.smartcard.PcscTerminals;
import cn.shebao.counter.device.smartcard.SecurityModule;
import cn.shebao.counter.device.smartcard.VirtualReaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run by scripts/bench.sh): a social security card presented to vsmartcard's virtual reader
 * until its fields are delivered by the watcher, beside the baseline of one bare SELECT round trip through the same
 * pcscd (the read is 3 selects, the application and 2 files, and 9 records: 12 round trips).
 */
@Tag("bench")
class PcscReadBenchmark {

    private static final int PRESENTATIONS = Integer.getInteger("bench.presentations", 30);
    private static final String HOLDER = CitizenIdNumber.of("330106", LocalDate.of(1968, 5, 17), 23).value();

    private static VirtualHolderCard card() {
        return VirtualHolderCard.socialSecurityCard(HOLDER, "张三丰", Gender.MALE, "01", LocalDate.of(1968, 5, 17), "A12345678",
                LocalDate.of(2019, 6, 1), LocalDate.of(2099, 5, 31));
    }

    @Test
    void presentedToDeliveredBesideABareSelect() throws Exception {
        VirtualReaders.requireRunning();
        PcscTerminals terminals = PcscTerminals.open();
        List<Double> select = new ArrayList<>();
        try (VirtualHolderCard in = card().insert(VirtualReaders.FIRST_SLOT)) {
            CardTerminal terminal = terminals.list().stream().filter(t -> t.getName().equals(VirtualReaders.FIRST)).findFirst().orElseThrow();
            assertThat(terminal.waitForCardPresent(10_000)).isTrue();
            Card c = terminal.connect("*");
            CommandAPDU selectAid = new CommandAPDU(0x00, 0xA4, 0x04, 0x00, CardLayout.socialSecurityCard().aid());
            for (int i = 0; i < 200 + 20; i++) {
                long start = System.nanoTime();
                assertThat(c.getBasicChannel().transmit(selectAid).getSW()).isEqualTo(0x9000);
                if (i >= 20) {
                    select.add((System.nanoTime() - start) / 1e6);
                }
            }
            c.disconnect(false);
        }
        List<Double> noticed = new ArrayList<>();
        List<Double> delivered = new ArrayList<>();
        BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
        try (PcscCardReader reader = new PcscCardReader(terminals,
                new HolderCardReader(List.of(CardLayout.socialSecurityCard()), SecurityModule.NONE), Clock.systemDefaultZone())) {
            reader.addListener(events::add);
            reader.start();
            for (int i = 0; i < PRESENTATIONS + 3; i++) {
                // A clerk takes a second between two cards; at varying points of the presence poll.
                Thread.sleep(1000 + (i * 53) % 100);
                long start = System.nanoTime();
                try (VirtualHolderCard in = card().insert(VirtualReaders.FIRST_SLOT)) {
                    await(events, CardEvent.CardPresented.class);
                    long seen = System.nanoTime();
                    await(events, CardEvent.HolderCardRead.class);
                    if (i >= 3) {
                        noticed.add((seen - start) / 1e6);
                        delivered.add((System.nanoTime() - seen) / 1e6);
                    }
                }
                await(events, CardEvent.CardRemoved.class);
            }
        }
        Collections.sort(select);
        Collections.sort(delivered);
        Collections.sort(noticed);
        String table = String.format(Locale.ROOT, """

                | Social security card over pcscd (vsmartcard's virtual reader), %d presentations | ms |
                |---|---:|
                | baseline: one bare SELECT round trip, median of %d | %.2f |
                | card inserted -> presence noticed (pcscd and vpcd, not ours), median | %.1f |
                | card noticed -> fields delivered (connect, the application and 2 files selected, 9 records read), median | %.1f |
                | card noticed -> fields delivered, p95 | %.1f |
                | ratio delivered / (12 x SELECT): 1.0 would be no overhead of ours | %.2f |
                """, delivered.size(), select.size(), median(select), median(noticed), median(delivered),
                delivered.get((int) Math.ceil(delivered.size() * 0.95) - 1), median(delivered) / median(select) / 12);
        System.out.println(table);
        Files.writeString(Path.of("target", "bench-pcsc-read.md"), table);
        assertThat(median(delivered)).isGreaterThan(median(select)); // a read is more than one command
    }

    private static double median(List<Double> sorted) {
        return sorted.get(sorted.size() / 2);
    }

    private static <T extends CardEvent> void await(BlockingQueue<CardEvent> events, Class<T> type) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if (type.isInstance(events.poll(20, TimeUnit.MILLISECONDS))) {
                return;
            }
        }
        throw new AssertionError("no " + type.getSimpleName());
    }
}
