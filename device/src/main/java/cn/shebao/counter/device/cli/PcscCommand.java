package cn.shebao.counter.device.cli;

import cn.shebao.counter.device.reader.CardEvent;
import cn.shebao.counter.device.smartcard.CardLayout;
import cn.shebao.counter.device.smartcard.CardServiceUnavailableException;
import cn.shebao.counter.device.smartcard.HolderCard;
import cn.shebao.counter.device.smartcard.HolderCardJson;
import cn.shebao.counter.device.smartcard.HolderCardReader;
import cn.shebao.counter.device.smartcard.PcscCardReader;
import cn.shebao.counter.device.smartcard.PcscTerminals;
import cn.shebao.counter.device.smartcard.SecurityModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import java.util.concurrent.Semaphore;

/** {@code pcsc}: social security and citizen cards on the PC/SC readers, for IT. */
@Command(name = "pcsc", mixinStandardHelpOptions = true, description = "Chip cards (social security, citizen card) on PC/SC readers.",
        subcommands = {PcscCommand.ListTerminals.class, PcscCommand.Read.class, PcscCommand.Watch.class})
final class PcscCommand {

    static final int SERVICE_UNAVAILABLE = 6;

    /** The layouts to try: the national social security card, then each city file given. */
    static final class Layouts {
        @Option(names = "--layout", paramLabel = "FILE", description = "A city's citizen card layout (properties); repeatable.")
        List<Path> files = new ArrayList<>();

        /** @throws CommandLine.ParameterException naming the file and the key when a layout cannot be read */
        HolderCardReader reader(CommandLine commandLine) throws IOException {
            List<CardLayout> layouts = new ArrayList<>();
            layouts.add(CardLayout.socialSecurityCard());
            for (Path f : files) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                try {
                    layouts.add(CardLayout.fromProperties(p));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(commandLine, DeviceCli.text("cli.pcsc.badLayout", f, e.getMessage()), e, null, f.toString());
                }
            }
            return new HolderCardReader(layouts, SecurityModule.NONE);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the PC/SC readers and whether a card is in each.")
    static final class ListTerminals implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                List<CardTerminal> terminals = PcscTerminals.open().list();
                for (CardTerminal t : terminals) {
                    out.printf("%s\t%s%n", t.getName(), DeviceCli.text(t.isCardPresent() ? "cli.pcsc.cardIn" : "cli.pcsc.empty"));
                }
                out.println(DeviceCli.text("cli.pcsc.count", terminals.size()));
                return 0;
            } catch (CardServiceUnavailableException e) {
                spec.commandLine().getErr().println(e.message(Locale.getDefault()));
                return SERVICE_UNAVAILABLE;
            } catch (CardException e) {
                spec.commandLine().getErr().println(DeviceCli.text("cli.pcsc.failed", e.getMessage()));
                return SERVICE_UNAVAILABLE;
            }
        }
    }

    @Command(name = "read", mixinStandardHelpOptions = true, description = "Wait for a card on any PC/SC reader and print it.")
    static final class Read implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Layouts layouts;

        @Option(names = "--json", description = "Print the card as JSON.")
        boolean json;

        @Option(names = "--timeout", defaultValue = "30", description = "Seconds to wait for a card (default ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Override
        public Integer call() throws InterruptedException, IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
            try (PcscCardReader reader = new PcscCardReader(PcscTerminals.open(), layouts.reader(spec.commandLine()), Clock.systemDefaultZone())) {
                reader.addListener(events::add);
                reader.start();
                err.println(DeviceCli.text("cli.pcsc.waiting", timeoutSeconds));
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
                while (System.nanoTime() < end) {
                    CardEvent e = events.poll(100, TimeUnit.MILLISECONDS);
                    if (e instanceof CardEvent.HolderCardRead read) {
                        out.println(json ? HolderCardJson.write(read.card()) : describe(read.card()));
                        return 0;
                    }
                    if (e instanceof CardEvent.ReadFailed f) {
                        err.println(f.reason().message(Locale.getDefault()));
                        return DeviceCli.CARD_UNREADABLE;
                    }
                }
            } catch (CardServiceUnavailableException e) {
                err.println(e.message(Locale.getDefault()));
                return SERVICE_UNAVAILABLE;
            }
            err.println(DeviceCli.text("cli.read.timeout", timeoutSeconds));
            return DeviceCli.TIMED_OUT;
        }
    }

    @Command(name = "watch", mixinStandardHelpOptions = true,
            description = "Print every reader and card event until interrupted (Ctrl+C), the holder's ID number masked.")
    static final class Watch implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Layouts layouts;

        @Option(names = "--seconds", defaultValue = "0", description = "Stop after this many seconds (0: until interrupted).")
        int seconds;

        @Option(names = "--cards", defaultValue = "0", description = "Stop after this many cards were read (0: no limit).")
        int cards;

        @Override
        public Integer call() throws InterruptedException, IOException {
            PrintWriter out = spec.commandLine().getOut();
            Semaphore read = new Semaphore(0);
            try (PcscCardReader reader = new PcscCardReader(PcscTerminals.open(), layouts.reader(spec.commandLine()), Clock.systemDefaultZone())) {
                reader.addListener(e -> {
                    synchronized (out) {
                        out.println(e instanceof CardEvent.HolderCardRead r ? describe(r.card())
                                : e instanceof CardEvent.ReadFailed f ? f.reason().message(Locale.getDefault()) : e.toString());
                        out.flush();
                    }
                    if (e instanceof CardEvent.HolderCardRead) {
                        read.release();
                    }
                });
                reader.start();
                long wait = seconds > 0 ? seconds : Long.MAX_VALUE / 2;
                if (cards > 0) {
                    read.tryAcquire(cards, wait, TimeUnit.SECONDS);
                } else {
                    Thread.sleep(TimeUnit.SECONDS.toMillis(Math.min(wait, Long.MAX_VALUE / 2000)));
                }
            } catch (CardServiceUnavailableException e) {
                spec.commandLine().getErr().println(e.message(Locale.getDefault()));
                return SERVICE_UNAVAILABLE;
            }
            return 0;
        }
    }

    static String describe(HolderCard c) {
        return DeviceCli.text("cli.pcsc.card", c.layout(), c.name(), c.maskedIdNumber(), c.cardNumber(), c.validTo());
    }
}
