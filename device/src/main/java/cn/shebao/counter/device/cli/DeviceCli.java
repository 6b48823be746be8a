package cn.shebao.counter.device.cli;

import cn.shebao.counter.device.card.CardDecodingException;
import cn.shebao.counter.device.card.CardJson;
import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.device.id.DeviceMessages;
import cn.shebao.counter.device.id.InvalidCitizenIdException;
import cn.shebao.counter.device.protocol.ModuleStatus;
import cn.shebao.counter.device.protocol.Response;
import cn.shebao.counter.device.reader.CardEvent;
import cn.shebao.counter.device.reader.CardReader;
import cn.shebao.counter.device.reader.Exchanger;
import cn.shebao.counter.device.reader.ReadFailure;
import cn.shebao.counter.device.reader.ReaderTimings;
import cn.shebao.counter.device.reader.SerialPortLink;
import cn.shebao.counter.device.sim.ReaderSimulator;
import cn.shebao.counter.device.sim.SimulatorServer;
import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HexFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Reader diagnostics: {@code java -jar device/target/shebao-device.jar --help}. */
@Command(name = "shebao-device", mixinStandardHelpOptions = true, versionProvider = DeviceCli.Version.class,
        description = "ID card reader diagnostics and simulator for Shebao Counter.",
        subcommands = {DeviceCli.Ports.class, DeviceCli.Read.class, DeviceCli.Simulate.class, DeviceCli.SamId.class,
            DeviceCli.CheckId.class, PcscCommand.class, CommandLine.HelpCommand.class})
public final class DeviceCli implements Runnable {

    static final int TIMED_OUT = 3;
    static final int PORT_UNUSABLE = 4;
    static final int CARD_UNREADABLE = 5;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Process entry point only: scripts read the status (3 timed out, 4 port unusable, 5 card unreadable,
        // 6 no PC/SC card service).
        System.exit(new CommandLine(new DeviceCli()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String text(String key, Object... args) {
        ResourceBundle messages = DeviceMessages.bundle(Locale.getDefault());
        return MessageFormat.format(messages.getString(key), args);
    }

    /** Opens the port once, so a wrong path gets a clear message instead of silent retries. */
    static boolean probe(String port, int baud, PrintWriter err) {
        SerialPortLink link = new SerialPortLink(port, baud);
        try {
            link.open();
            return true;
        } catch (IOException e) {
            err.println(text("cli.portUnusable", port, e.getMessage()));
            return false;
        } finally {
            link.close();
        }
    }

    @Command(name = "ports", mixinStandardHelpOptions = true, description = "List serial ports (pseudo-terminals are not listed).")
    static final class Ports implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            SerialPort[] ports = SerialPort.getCommPorts();
            for (SerialPort p : ports) {
                out.printf("%s\t%s%n", p.getSystemPortPath(), p.getPortDescription());
            }
            out.println(text("cli.ports.note", ports.length));
            return 0;
        }
    }

    @Command(name = "read", mixinStandardHelpOptions = true, description = "Wait for a card on the reader and print it.")
    static final class Read implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--port", required = true, description = "Serial port or pty path, e.g. /dev/ttyUSB0.")
        String port;

        @Option(names = "--baud", defaultValue = "115200")
        int baud;

        @Option(names = "--json", description = "Print the card as JSON (the format simulate reads).")
        boolean json;

        @Option(names = "--timeout", defaultValue = "30", description = "Seconds to wait for a card (default ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!probe(port, baud, err)) {
                return PORT_UNUSABLE;
            }
            BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
            try (CardReader reader = new CardReader(new SerialPortLink(port, baud), ReaderTimings.standard())) {
                reader.addListener(events::add);
                reader.start();
                err.println(text("cli.read.waiting", port, timeoutSeconds));
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
                while (System.nanoTime() < end) {
                    CardEvent e = events.poll(100, TimeUnit.MILLISECONDS);
                    if (e instanceof CardEvent.CardRead read) {
                        IdCard c = read.card();
                        out.println(json ? CardJson.write(c) : text("cli.read.card", c.name(), c.maskedIdNumber(),
                                c.birthDate(), c.validTo() == null ? IdCard.NO_EXPIRY : c.validTo(), c.type()));
                        return 0;
                    }
                    if (e instanceof CardEvent.ReadFailed f) {
                        err.println(f.reason().message(Locale.getDefault()) + (f.reason() == ReadFailure.CARD_NOT_DECODED ? " " + f.detail() : ""));
                        if (f.reason() == ReadFailure.CARD_NOT_DECODED) {
                            return CARD_UNREADABLE;
                        }
                    }
                    if (e instanceof CardEvent.ReaderLost lost) {
                        err.println(text("cli.readerLost", lost.port()));
                    }
                }
            }
            err.println(text("cli.read.timeout", timeoutSeconds));
            return TIMED_OUT;
        }
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = "Act as a reader on a tty (e.g. one end of a socat pty pair) with a card on it, until killed.")
    static final class Simulate implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--port", required = true)
        String port;

        @Option(names = "--card", required = true, description = "Card JSON, as printed by read --json.")
        Path card;

        @Option(names = "--baud", defaultValue = "115200")
        int baud;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            IdCard presented;
            try {
                presented = CardJson.read(Files.readString(card, StandardCharsets.UTF_8));
            } catch (CardDecodingException e) {
                err.println(text("cli.simulate.badCard", card, e.localizedReason(Locale.getDefault())));
                return CARD_UNREADABLE;
            } catch (IOException e) {
                err.println(text("cli.simulate.badCard", card, e.getMessage()));
                return CARD_UNREADABLE;
            }
            ReaderSimulator simulator = new ReaderSimulator();
            simulator.present(presented, null);
            try (SimulatorServer server = new SimulatorServer(simulator, port, baud).start()) {
                err.println(text("cli.simulate.serving", port, baud, presented.maskedIdNumber()));
                Thread.sleep(Long.MAX_VALUE);
            } catch (IOException e) {
                err.println(text("cli.portUnusable", port, e.getMessage()));
                return PORT_UNUSABLE;
            }
            return 0;
        }
    }

    @Command(name = "sam-id", mixinStandardHelpOptions = true, description = "Print the security module's ID.")
    static final class SamId implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--port", required = true)
        String port;

        @Option(names = "--baud", defaultValue = "115200")
        int baud;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            try (SerialPortLink link = new SerialPortLink(port, baud)) {
                try {
                    link.open();
                } catch (IOException e) {
                    err.println(text("cli.portUnusable", port, e.getMessage()));
                    return PORT_UNUSABLE;
                }
                Response r = new Exchanger(link, problem -> { }).exchange(cn.shebao.counter.device.protocol.Command.READ_SAM_ID, 300); // picocli.CommandLine.Command is imported
                if (r == null || r.status() != ModuleStatus.SUCCESS) {
                    err.println(text("cli.samId.failed", r == null ? "timeout" : r.status()));
                    return TIMED_OUT;
                }
                spec.commandLine().getOut().println(HexFormat.ofDelimiter(" ").withUpperCase().formatHex(r.data()));
                return 0;
            }
        }
    }

    /** Checks a typed citizen ID number, the same rule the workstation applies. */
    @Command(name = "check-id", mixinStandardHelpOptions = true,
            description = "Validate a citizen ID number (GB 11643 check character, birth date).")
    static final class CheckId implements Callable<Integer> {
        @Parameters(paramLabel = "ID_NUMBER")
        String number;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                CitizenIdNumber id = CitizenIdNumber.parse(number);
                spec.commandLine().getOut().println(text("cli.checkId.valid", id.masked(), id.birthDate().toString(),
                        DeviceMessages.bundle(Locale.getDefault()).getString("gender." + id.gender().name())));
                return 0;
            } catch (InvalidCitizenIdException e) {
                spec.commandLine().getErr().println(text("cli.checkId.invalid", e.localizedReason(Locale.getDefault())));
                return 1;
            }
        }
    }

    /** Reads the version Maven writes into the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = DeviceCli.class.getPackage().getImplementationVersion();
            return new String[] {"shebao-device " + (v == null ? "(development build)" : v)};
        }
    }
}
