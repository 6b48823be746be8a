package cn.shebao.counter.workstation.selftest;

import cn.shebao.counter.device.reader.SerialNativeLibrary;
import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.platform.DataDirectory;
import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * jSerialComm's native library loads, from the data directory's own folder (the launcher put it there), and the
 * serial ports are listed: the card reader can work. Where the OS shows which file was loaded, it must be ours.
 */
final class SerialLibraryCheck implements Check {

    private final DataDirectory directory;

    SerialLibraryCheck(DataDirectory directory) {
        this.directory = directory;
    }

    @Override
    public String subject(Locale locale) {
        return Messages.format(locale, "selftest.serial");
    }

    @Override
    public Outcome run(Locale locale) {
        Path folder;
        try {
            folder = SerialNativeLibrary.installInto(directory.nativeLibraries());
        } catch (IOException e) {
            return Outcome.fail(Messages.format(locale, "selftest.serial.unpack", directory.nativeLibraries().toString(),
                    String.valueOf(e.getMessage())));
        }
        int ports = SerialPort.getCommPorts().length;
        Optional<Path> loaded = SerialNativeLibrary.loadedFrom();
        if (loaded.isPresent() && !loaded.get().startsWith(realPath(folder))) {
            return Outcome.fail(Messages.format(locale, "selftest.serial.elsewhere", loaded.get().toString(), folder.toString()));
        }
        return Outcome.pass(Messages.format(locale, "selftest.serial.ok", SerialPort.getVersion(),
                loaded.map(Path::toString).orElse(folder.toString()), ports));
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath();
        }
    }
}
