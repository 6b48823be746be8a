package cn.shebao.counter.device.reader;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.device.sim.Fault;
import cn.shebao.counter.device.sim.ReaderSimulator;
import cn.shebao.counter.device.sim.SimulatorLink;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The polling reader against the simulator through an in-memory link (the pty tests use real ports). */
class CardReaderTest {

    private static final IdCard CARD = cn.shebao.counter.device.TestCards.CARD;

    private final ReaderSimulator simulator = new ReaderSimulator();
    private final SimulatorLink link = new SimulatorLink(simulator, 115200);
    private final BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
    private CardReader reader;

    @BeforeEach
    void start() throws InterruptedException {
        reader = new CardReader(link, new ReaderTimings(300, 300, 2000, 20, 50, 400, 2));
        reader.addListener(events::add);
        reader.start();
        await(CardEvent.ReaderConnected.class);
    }

    @AfterEach
    void stop() throws InterruptedException {
        reader.close();
    }

    private <T extends CardEvent> T await(Class<T> type) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            CardEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within 10 s");
    }

    @Test
    void onePresentationGivesOneReadAndRemovalIsSeen() throws InterruptedException {
        simulator.present(CARD, null);
        await(CardEvent.CardPresented.class);
        CardEvent.CardRead read = await(CardEvent.CardRead.class);
        assertThat(read.card()).isEqualTo(CARD);
        assertThat(read.photo()).hasSize(ReaderSimulator.PHOTO_LENGTH);

        Thread.sleep(500); // the card stays on the reader: no second read
        assertThat(events).noneMatch(e -> e instanceof CardEvent.CardRead || e instanceof CardEvent.CardPresented);

        simulator.remove();
        await(CardEvent.CardRemoved.class);
        simulator.present(CARD, null);
        assertThat(await(CardEvent.CardRead.class).card()).isEqualTo(CARD);
    }

    @Test
    void selectAndReadFailuresAreReportedAndRetried() throws InterruptedException {
        simulator.arm(Fault.SELECT_FAILURE);
        simulator.arm(Fault.READ_FAILURE);
        simulator.present(CARD, null);
        assertThat(await(CardEvent.ReadFailed.class).reason()).isEqualTo(ReadFailure.SELECT_FAILED);
        assertThat(await(CardEvent.ReadFailed.class).reason()).isEqualTo(ReadFailure.READ_FAILED);
        assertThat(await(CardEvent.CardRead.class).card()).isEqualTo(CARD);
    }

    @Test
    void damagedFramesAreSkippedAndTheReaderRecovers() throws InterruptedException {
        simulator.present(CARD, null);
        await(CardEvent.CardRead.class);
        simulator.remove();
        await(CardEvent.CardRemoved.class);
        for (Fault fault : new Fault[] {Fault.BAD_CHECKSUM, Fault.TRUNCATED_FRAME, Fault.GARBAGE}) {
            simulator.arm(fault);
            simulator.present(CARD, null);
            assertThat(await(CardEvent.CardRead.class).card()).as(fault.name()).isEqualTo(CARD);
            simulator.remove();
            await(CardEvent.CardRemoved.class);
        }
        assertThat(events).isEmpty();
    }

    @Test
    void aSlowReadTimesOutAndIsRetried() throws InterruptedException {
        simulator.present(CARD, null);
        await(CardEvent.CardRead.class);
        simulator.remove();
        await(CardEvent.CardRemoved.class);
        simulator.arm(Fault.SLOW_RESPONSE);
        simulator.present(CARD, null);
        assertThat(await(CardEvent.ReadFailed.class).reason()).isEqualTo(ReadFailure.TIMEOUT);
        // The module served that read (only its answer came too late), so, like a real reader, it reports no
        // card until the card is placed again; the clerk's message says exactly that.
        simulator.remove();
        Thread.sleep(200);
        simulator.present(CARD, null);
        assertThat(await(CardEvent.CardRead.class).card()).isEqualTo(CARD);
    }

    @Test
    void unpluggingLosesTheReaderAndReplugginReconnects() throws InterruptedException {
        link.unplug();
        await(CardEvent.ReaderLost.class);
        link.replug();
        await(CardEvent.ReaderConnected.class);
        simulator.present(CARD, null);
        assertThat(await(CardEvent.CardRead.class).card()).isEqualTo(CARD);
    }

    @Test
    void noCardMeansNoEvents() throws InterruptedException {
        simulator.keep(Fault.NO_CARD);
        simulator.present(CARD, null);
        Thread.sleep(600);
        assertThat(events).noneMatch(e -> e instanceof CardEvent.CardPresented || e instanceof CardEvent.CardRead);
    }
}
