package cn.shebao.counter.workstation.app;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.device.reader.CardEvent;
import cn.shebao.counter.device.reader.CardReader;
import cn.shebao.counter.device.reader.ReaderTimings;
import cn.shebao.counter.device.reader.SerialPortLink;
import cn.shebao.counter.device.sim.ReaderSimulator;
import cn.shebao.counter.device.sim.SimulatorLink;
import cn.shebao.counter.device.smartcard.CardLayout;
import cn.shebao.counter.device.smartcard.CardServiceUnavailableException;
import cn.shebao.counter.device.smartcard.HolderCardReader;
import cn.shebao.counter.device.smartcard.PcscCardReader;
import cn.shebao.counter.device.smartcard.PcscTerminals;
import cn.shebao.counter.device.smartcard.SecurityModule;
import cn.shebao.counter.workstation.demo.DemoCards;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.ArrayList;

/**
 * The workstation's card readers. The ID card reader: a serial reader configured in {@code reader.properties} (port,
 * baud), or in demo mode a simulated one holding cards of demo persons; without either it is "not configured". Beside
 * it, the PC/SC readers for social security and citizen cards: on with {@code pcsc=true} in {@code reader.properties}
 * (and each city's layout file in {@code pcsc.layouts}, comma-separated, relative to the data directory), and in demo
 * mode whenever the machine's card service runs.
 */
public final class ReaderConnection implements AutoCloseable {

    static final String CONFIG_FILE = "reader.properties";
    private static final int DEMO_CARDS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(ReaderConnection.class);

    private final CardReader reader;
    private final ReaderSimulator simulator;
    private final List<IdCard> demoCards;
    private final PcscCardReader chipCards;
    private final String problem;

    private ReaderConnection(CardReader reader, ReaderSimulator simulator, List<IdCard> demoCards, PcscCardReader chipCards) {
        this(reader, simulator, demoCards, chipCards, null);
    }

    private ReaderConnection(CardReader reader, ReaderSimulator simulator, List<IdCard> demoCards, PcscCardReader chipCards,
            String problem) {
        this.reader = reader;
        this.simulator = simulator;
        this.demoCards = demoCards;
        this.chipCards = chipCards;
        this.problem = problem;
    }

    /**
     * A reader.properties that cannot be used (a baud that is no number, a layout file missing or wrong) gives a
     * connection with no reader and the problem: the counter starts, the status bar says "misconfigured", the log says
     * what. A counter that would not start over a typing error in a reader setting helps nobody at the window.
     */
    private static ReaderConnection misconfigured(Path file, String problem) {
        LOG.error("{} cannot be used, no card reader is started: {}", file, problem);
        return new ReaderConnection(null, null, List.of(), null, problem);
    }

    static ReaderConnection demo(SessionFactory sessions, Clock clock) {
        ReaderSimulator simulator = new ReaderSimulator();
        CardReader reader = new CardReader(new SimulatorLink(simulator, 115200), ReaderTimings.standard());
        PcscCardReader chipCards = null;
        try {
            chipCards = new PcscCardReader(PcscTerminals.open(), new HolderCardReader(List.of(CardLayout.socialSecurityCard()),
                    SecurityModule.NONE), clock);
        } catch (CardServiceUnavailableException e) {
            LOG.info("No PC/SC card service on this machine; demo mode reads ID cards only ({})", e.getMessage());
        }
        return new ReaderConnection(reader, simulator, DemoCards.variety(sessions, LocalDate.now(clock), DEMO_CARDS), chipCards);
    }

    static ReaderConnection configured(Path dataDirectory, Clock clock) throws IOException {
        Path file = dataDirectory.resolve(CONFIG_FILE);
        if (!Files.exists(file)) {
            return new ReaderConnection(null, null, List.of(), null);
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String port = p.getProperty("port", "").strip();
        int baud;
        try {
            baud = Integer.parseInt(p.getProperty("baud", "115200").strip());
            if (baud <= 0) {
                throw new NumberFormatException("not positive");
            }
        } catch (NumberFormatException e) {
            return misconfigured(file, "baud=" + p.getProperty("baud").strip() + " is not a baud rate");
        }
        PcscCardReader chipCards;
        try {
            chipCards = Boolean.parseBoolean(p.getProperty("pcsc", "false").strip())
                    ? chipCards(dataDirectory, p.getProperty("pcsc.layouts", ""), clock) : null;
        } catch (IOException | IllegalArgumentException e) {
            return misconfigured(file, "pcsc.layouts: " + e.getMessage());
        }
        if (port.isEmpty()) {
            return new ReaderConnection(null, null, List.of(), chipCards);
        }
        return new ReaderConnection(new CardReader(new SerialPortLink(port, baud), ReaderTimings.standard()), null, List.of(), chipCards);
    }

    /** What is wrong with reader.properties, if anything. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * The PC/SC readers IT switched on. A card service that is not running is said by the status bar (the reader is
     * "lost" with that reason) rather than stopping the counter: the ID card reader works without it.
     */
    private static PcscCardReader chipCards(Path dataDirectory, String layoutFiles, Clock clock) throws IOException {
        List<CardLayout> layouts = new ArrayList<>();
        layouts.add(CardLayout.socialSecurityCard());
        for (String name : layoutFiles.split(",")) {
            if (!name.isBlank()) {
                Properties layout = new Properties();
                try (Reader in = Files.newBufferedReader(dataDirectory.resolve(name.strip()), StandardCharsets.UTF_8)) {
                    layout.load(in);
                }
                layouts.add(CardLayout.fromProperties(layout));
            }
        }
        try {
            return new PcscCardReader(PcscTerminals.open(), new HolderCardReader(layouts, SecurityModule.NONE), clock);
        } catch (CardServiceUnavailableException e) {
            LOG.warn("PC/SC readers are switched on in {} but the card service is not running: {}", CONFIG_FILE, e.getMessage());
            return null;
        }
    }

    /** Starts polling; events arrive on the reader's thread. */
    void start(Consumer<CardEvent> listener) {
        if (reader != null) {
            reader.addListener(listener);
            reader.start();
        }
        if (chipCards != null) {
            chipCards.addListener(listener);
            chipCards.start();
        }
    }

    public boolean configuredReader() {
        return reader != null || chipCards != null;
    }

    /** Whether social security and citizen cards are read here (a PC/SC card service and IT's switch, or demo mode). */
    public boolean readsChipCards() {
        return chipCards != null;
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
        if (chipCards != null) {
            chipCards.close();
        }
    }
}
