package cn.shebao.counter.workstation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.device.pty.SocatPair;
import cn.shebao.counter.device.reader.CardEvent;
import cn.shebao.counter.device.reader.CardReader;
import cn.shebao.counter.device.reader.ReaderTimings;
import cn.shebao.counter.device.reader.SerialPortLink;
import cn.shebao.counter.device.sim.ReaderSimulator;
import cn.shebao.counter.device.sim.SimulatorServer;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.citizen.AccessPurpose;
import cn.shebao.counter.workstation.citizen.CitizenRecords;
import cn.shebao.counter.workstation.citizen.CitizenSearch;
import cn.shebao.counter.workstation.citizen.CitizenSummary;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.demo.DemoCards;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.DemoReplica;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
 * Issue 7's figure: a card placed on the simulated reader (real frames over a socat pty at 115200 baud) until the
 * holder's record is open (found by ID number, opened for the card, audited) on a replica of a million persons.
 * The baseline in the same run is the card read alone.
 */
@Tag("bench")
class CardToRecordBenchmark {

    private static final int BAUD = 115200;
    private static final int PRESENTATIONS = Integer.getInteger("bench.presentations", 60);

    @TempDir
    Path tmp;

    @Test
    void cardPresentedToRecordOpen() throws Exception {
        int persons = Integer.getInteger("bench.lookupPersons", 1_000_000);
        try (Replica replica = BenchReplica.open(persons)) {
            Clock clock = Clock.systemDefaultZone();
            CitizenSearch search = new CitizenSearch(replica.sessions());
            CitizenRecords records = new CitizenRecords(replica.sessions(),
                    new AuditLog(replica.sessions(), clock, TimeOrderedIds.system(), "BENCH-01"), clock);
            List<IdCard> cards = cards(replica, PRESENTATIONS + 3);
            List<Double> readOnly = new ArrayList<>();
            List<Double> toRecord = new ArrayList<>();
            ReaderSimulator simulator = new ReaderSimulator();
            BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
            try (SocatPair pair = new SocatPair(tmp).start();
                    SimulatorServer server = new SimulatorServer(simulator, pair.devicePath(), BAUD).start();
                    CardReader reader = new CardReader(new SerialPortLink(pair.readerPath(), BAUD), ReaderTimings.standard())) {
                reader.addListener(events::add);
                reader.start();
                await(events, CardEvent.ReaderConnected.class);
                for (int i = 0; i < cards.size(); i++) {
                    Thread.sleep(37 + (i * 53) % 100); // present at varying points of the polling cycle
                    long start = System.nanoTime();
                    simulator.present(cards.get(i), null);
                    IdCard read = await(events, CardEvent.CardRead.class).card();
                    long readAt = System.nanoTime();
                    List<CitizenSummary> found = search.byIdNumber(read.idNumber());
                    CitizenRecords.Opened opened = records.open(DemoReplica.clerk(), found.get(0).personId(), AccessPurpose.CARD_PRESENTED);
                    long openAt = System.nanoTime();
                    assertThat(opened.profile().citizenIdNumber()).isEqualTo(cards.get(i).idNumber());
                    if (i >= 3) {
                        readOnly.add((readAt - start) / 1e6);
                        toRecord.add((openAt - start) / 1e6);
                    }
                    simulator.remove();
                    await(events, CardEvent.CardRemoved.class);
                }
            }
            String table = String.format(Locale.ROOT, """

                    | Card presented -> record open, %,d persons, %d cards, 115200 baud over a socat pty | p50 ms | p95 ms |
                    |---|---:|---:|
                    | baseline: card presented -> IdCard delivered (reader alone) | %.1f | %.1f |
                    | card presented -> record found and opened for the card (audited) | %.1f | %.1f |
                    | target | | 300 |
                    """, persons, readOnly.size(), pct(readOnly, 0.5), pct(readOnly, 0.95), pct(toRecord, 0.5), pct(toRecord, 0.95));
            System.out.println(table);
            Files.writeString(Path.of("target", "bench-card-to-record.md"), table);
            assertThat(pct(toRecord, 0.5)).isGreaterThanOrEqualTo(pct(readOnly, 0.5));
        }
    }

    private static List<IdCard> cards(Replica replica, int n) {
        List<InsuredPerson> persons = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                "from InsuredPerson order by birthDate", InsuredPerson.class).setFirstResult(12_345).setMaxResults(n * 97).getResultList());
        List<IdCard> cards = new ArrayList<>();
        for (int i = 0; i < persons.size() && cards.size() < n; i += 97) {
            cards.add(DemoCards.cardOf(persons.get(i)));
        }
        return cards;
    }

    private static double pct(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    @SuppressWarnings("unchecked")
    private static <T extends CardEvent> T await(BlockingQueue<CardEvent> events, Class<T> type) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < end) {
            CardEvent e = events.poll(50, TimeUnit.MILLISECONDS);
            if (type.isInstance(e)) {
                return (T) e;
            }
        }
        throw new AssertionError("no " + type.getSimpleName());
    }
}
