package cn.shebao.counter.device.cli;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.device.id.DeviceMessages;
import cn.shebao.counter.device.id.InvalidCitizenIdException;
import java.io.PrintWriter;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Diagnostics for the card reader side: {@code java -jar device/target/shebao-device.jar --help}. */
@Command(name = "shebao-device", mixinStandardHelpOptions = true, versionProvider = DeviceCli.Version.class,
        description = "ID card reader diagnostics for Shebao Counter.",
        subcommands = {DeviceCli.CheckId.class, CommandLine.HelpCommand.class})
public final class DeviceCli implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exit = new CommandLine(new DeviceCli()).execute(args);
        System.exit(exit);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
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
            ResourceBundle messages = DeviceMessages.bundle(Locale.getDefault());
            PrintWriter out = spec.commandLine().getOut();
            try {
                CitizenIdNumber id = CitizenIdNumber.parse(number);
                out.println(MessageFormat.format(messages.getString("cli.checkId.valid"), id.masked(),
                        id.birthDate().toString(), messages.getString("gender." + id.gender().name())));
                return 0;
            } catch (InvalidCitizenIdException e) {
                spec.commandLine().getErr().println(MessageFormat.format(
                        messages.getString("cli.checkId.invalid"), e.localizedReason(Locale.getDefault())));
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
