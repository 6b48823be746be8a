package cn.shebao.counter.device.reader;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Puts jSerialComm's native library into a directory of the workstation's own instead of the shared temporary
 * folder, where jSerialComm would otherwise unpack it at every start (a folder other programs clean, that
 * hardened machines mount {@code noexec}, and that every user on the machine shares).
 *
 * <p>jSerialComm has no property for its extraction folder, only {@value #PATH_PROPERTY} for a library already
 * unpacked. So the library for this operating system (every architecture: jSerialComm picks the one that loads)
 * is copied once per jSerialComm version from its jar into {@code <root>/<version>/}, through a staging folder
 * renamed into place so a killed start never leaves half a library behind, and the property is pointed at it.
 * Must run before {@link SerialPort} is first used: the class reads the property when it initialises.
 */
public final class SerialNativeLibrary {

    public static final String PATH_PROPERTY = "jSerialComm.library.path";

    private SerialNativeLibrary() {
    }

    /**
     * Unpacks (if needed) into {@code root} and points jSerialComm at it. An operator's own
     * {@code -DjSerialComm.library.path} is left alone.
     *
     * @return the directory jSerialComm will load from
     */
    public static Path installInto(Path root) throws IOException {
        String preset = System.getProperty(PATH_PROPERTY);
        if (preset != null && !preset.isBlank()) {
            return Path.of(preset);
        }
        String os = osFolder();
        Path target = root.resolve(version());
        if (!Files.isDirectory(target.resolve(os))) {
            unpack(os, root, target);
        }
        removeOtherVersions(root, target);
        System.setProperty(PATH_PROPERTY, target.toString() + target.getFileSystem().getSeparator());
        return target;
    }

    /** The jSerialComm version from its jar manifest; naming the folder by it makes an upgrade unpack afresh. */
    static String version() {
        // Package metadata does not initialise SerialPort, so the property can still be set afterwards.
        String v = SerialPort.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    /**
     * The library file the running JVM has mapped, read from {@code /proc/self/maps} (Linux only): proves where
     * jSerialComm really loaded from, which the library itself does not tell.
     */
    public static Optional<Path> loadedFrom() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.filter(l -> l.contains("libjSerialComm"))
                    .map(l -> l.substring(l.indexOf('/')))
                    .map(Path::of)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** jSerialComm's own folder names inside its jar. */
    static String osFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return "Windows";
        }
        if (os.contains("mac")) {
            return "OSX";
        }
        if (os.contains("freebsd")) {
            return "FreeBSD";
        }
        if (os.contains("openbsd")) {
            return "OpenBSD";
        }
        if (os.contains("sunos") || os.contains("solaris")) {
            return "Solaris";
        }
        return "Linux";
    }

    private static void unpack(String os, Path root, Path target) throws IOException {
        Files.createDirectories(root);
        Path staging = Files.createTempDirectory(root, ".unpacking-");
        try {
            int copied = 0;
            try (JarFile jar = new JarFile(jarOf().toFile())) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.isDirectory() || !entry.getName().startsWith(os + "/")) {
                        continue;
                    }
                    Path file = staging.resolve(entry.getName()).normalize();
                    if (!file.startsWith(staging)) {
                        throw new IOException("unexpected entry " + entry.getName() + " in the jSerialComm jar");
                    }
                    Files.createDirectories(file.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, file);
                    }
                    copied++;
                }
            }
            if (copied == 0) {
                throw new IOException("the jSerialComm jar holds no native library for " + os);
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                // Another workstation process on this data directory unpacked the same version first.
                if (!Files.isDirectory(target.resolve(os))) {
                    throw raced;
                }
            }
        } finally {
            deleteTree(staging);
        }
    }

    private static Path jarOf() throws IOException {
        try {
            Path jar = Path.of(SerialPort.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                throw new IOException("jSerialComm is not loaded from a jar: " + jar);
            }
            return jar;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new IOException("cannot locate the jSerialComm jar", e);
        }
    }

    private static void removeOtherVersions(Path root, Path keep) {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                if (!child.equals(keep) && Files.isDirectory(child) && !child.getFileName().toString().startsWith(".")) {
                    deleteTree(child);
                }
            }
        } catch (IOException e) {
            // Old versions only cost disk space; a library another process still has open (Windows) stays.
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort, as above.
        }
    }
}
