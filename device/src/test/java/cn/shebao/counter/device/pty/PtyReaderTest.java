package cn.shebao.counter.device.pty;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.device.TestCards;
import cn.shebao.counter.device.reader.CardEvent;
import cn.shebao.counter.device.reader.CardReader;
import cn.shebao.counter.device.reader.ReadFailure;
import cn.shebao.counter.device.reader.ReaderTimings;
import cn.shebao.counter.device.reader.SerialPortLink;
import cn.shebao.counter.device.sim.Fault;
import cn.shebao.counter.device.sim.ReaderSimulator;
import cn.shebao.counter.device.sim.SimulatorServer;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real serial path: jSerialComm on a socat pty pair, the simulator paced at 115200 baud on the far end. */
class PtyReaderTest {

    private static final int BAUD = 115200;

    @TempDir
    Path tmp;
    private final ReaderSimulator simulator = new ReaderSimulator();
    private final BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
    private SocatPair pair;
    private SimulatorServer server;
    private CardReader reader;

    private void startAll() throws Exception {
        pair = new SocatPair(tmp).start();
        server = new SimulatorServer(simulator, pair.devicePath(), BAUD).start();
        reader = new CardReader(new SerialPortLink(pair.readerPath(), BAUD), new ReaderTimings(300, 300, 2000, 50, 100, 1000, 2));
        reader.addListener(events::add);
        reader.start();
        await(CardEvent.ReaderConnected.class);
    }

    @AfterEach
    void stopAll() throws Exception {
        if (reader != null) {
            reader.close();
        }
        if (server != null) {
            server.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    private <T extends CardEvent> T await(Class<T> type) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < end) {
            CardEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within 15 s");
    }

    @Test
    void aCardIsReadEndToEndOverAPty() throws Exception {
        startAll();
        simulator.present(TestCards.CARD, null);
        await(CardEvent.CardPresented.class);
        assertThat(await(CardEvent.CardRead.class).card()).isEqualTo(TestCards.CARD);
        simulator.remove();
        await(CardEvent.CardRemoved.class);
    }

    @Test
    void injectedFaultsGiveTheirEventsAndTheReaderRecovers() throws Exception {
        startAll();
        simulator.arm(Fault.SELECT_FAILURE);
        simulator.present(TestCards.CARD, null);
        assertThat(await(CardEvent.ReadFailed.class).reason()).isEqualTo(ReadFailure.SELECT_FAILED);
        await(CardEvent.CardRead.class);
        simulator.remove();
        await(CardEvent.CardRemoved.class);

        simulator.arm(Fault.BAD_CHECKSUM);
        simulator.present(TestCards.CARD, null);
        assertThat(await(CardEvent.ReadFailed.class).reason()).isEqualTo(ReadFailure.DAMAGED_FRAME);
        await(CardEvent.CardRead.class);
        simulator.remove();
        await(CardEvent.CardRemoved.class);

        simulator.arm(Fault.GARBAGE);
        simulator.arm(Fault.TRUNCATED_FRAME);
        simulator.present(TestCards.CARD, null);
        await(CardEvent.CardRead.class);
    }

    @Test
    void killingSocatLosesTheReaderAndRestartingItReconnectsWithoutANewJvm() throws Exception {
        startAll();
        server.close();
        pair.kill();
        await(CardEvent.ReaderLost.class);
        pair.start();
        server = new SimulatorServer(simulator, pair.devicePath(), BAUD).start();
        await(CardEvent.ReaderConnected.class);
        simulator.present(TestCards.CARD, null);
        assertThat(await(CardEvent.CardRead.class).card()).isEqualTo(TestCards.CARD);
    }
}
