package cn.shebao.counter.workstation.app;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.device.reader.CardEvent;
import cn.shebao.counter.device.reader.CardReader;
import cn.shebao.counter.device.reader.ReaderTimings;
import cn.shebao.counter.device.reader.SerialPortLink;
import cn.shebao.counter.device.sim.ReaderSimulator;
import cn.shebao.counter.device.sim.SimulatorLink;
import cn.shebao.counter.workstation.demo.DemoCards;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;

/**
 * The workstation's ID card reader: a serial reader configured in {@code reader.properties} (port, baud),
 * or in demo mode a simulated one holding cards of demo persons. Without either it is "not configured".
 */
public final class ReaderConnection implements AutoCloseable {

    static final String CONFIG_FILE = "reader.properties";
    private static final int DEMO_CARDS = 8;

    private final CardReader reader;
    private final ReaderSimulator simulator;
    private final List<IdCard> demoCards;

    private ReaderConnection(CardReader reader, ReaderSimulator simulator, List<IdCard> demoCards) {
        this.reader = reader;
        this.simulator = simulator;
        this.demoCards = demoCards;
    }

    static ReaderConnection demo(SessionFactory sessions) {
        ReaderSimulator simulator = new ReaderSimulator();
        CardReader reader = new CardReader(new SimulatorLink(simulator, 115200), ReaderTimings.standard());
        return new ReaderConnection(reader, simulator, DemoCards.firstPersons(sessions, DEMO_CARDS));
    }

    static ReaderConnection configured(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(CONFIG_FILE);
        if (!Files.exists(file)) {
            return new ReaderConnection(null, null, List.of());
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String port = p.getProperty("port", "").strip();
        if (port.isEmpty()) {
            return new ReaderConnection(null, null, List.of());
        }
        int baud = Integer.parseInt(p.getProperty("baud", "115200").strip());
        return new ReaderConnection(new CardReader(new SerialPortLink(port, baud), ReaderTimings.standard()), null, List.of());
    }

    /** Starts polling; events arrive on the reader's thread. */
    void start(Consumer<CardEvent> listener) {
        if (reader != null) {
            reader.addListener(listener);
            reader.start();
        }
    }

    public boolean configuredReader() {
        return reader != null;
    }

    public Optional<ReaderSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    public List<IdCard> demoCards() {
        return demoCards;
    }

    @Override
    public void close() throws InterruptedException {
        if (reader != null) {
            reader.close();
        }
    }
}
