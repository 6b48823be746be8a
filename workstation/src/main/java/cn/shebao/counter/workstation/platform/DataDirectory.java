package cn.shebao.counter.workstation.platform;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where one workstation keeps its replica, keys and logs. Follows platform conventions
 * (XDG on Linux, %LOCALAPPDATA% on Windows) and can be overridden by a flag or {@value #ENV_VARIABLE}.
 */
public record DataDirectory(Path root) {

    public static final String ENV_VARIABLE = "SHEBAO_DATA_DIR";
    static final String APP_DIR = "shebao-counter";

    public DataDirectory {
        root = root.toAbsolutePath().normalize();
    }

    /** Flag first, then the environment variable, then the platform default. */
    public static DataDirectory resolve(Path flag, Map<String, String> env, String osName, Path userHome) {
        if (flag != null) {
            return new DataDirectory(flag);
        }
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataDirectory(Path.of(fromEnv));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : userHome.resolve("AppData").resolve("Local");
            return new DataDirectory(base.resolve("ShebaoCounter"));
        }
        if (os.contains("mac")) {
            return new DataDirectory(userHome.resolve("Library").resolve("Application Support").resolve("ShebaoCounter"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && xdg.startsWith("/") ? Path.of(xdg) : userHome.resolve(".local").resolve("share");
        return new DataDirectory(base.resolve(APP_DIR));
    }

    public static DataDirectory resolveForThisMachine(Path flag) {
        return resolve(flag, System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    public Path replica() {
        return root.resolve("replica");
    }

    /** Whether a replica was ever created here (Derby's own marker file, not just a folder). */
    public boolean hasReplica() {
        return Files.exists(replica().resolve("service.properties"));
    }

    public Path keys() {
        return root.resolve("keys");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** Copies of the replica taken before each upgrade migrated it. */
    public Path backups() {
        return root.resolve("backups");
    }

    /** Native libraries unpacked from jars (jSerialComm), kept out of the shared temporary folder. */
    public Path nativeLibraries() {
        return root.resolve("native");
    }

    public Path lockFile() {
        return root.resolve(".instance.lock");
    }

    /**
     * Creates the directory tree, or finds it, and makes all of it owner-only where the file system allows it: files
     * left group- or world-readable by an older version, a copy or a careless operator are tightened at every start.
     */
    public DataDirectory create() {
        try {
            Files.createDirectories(root);
            Files.createDirectories(logs());
            Files.createDirectories(keys());
            FilePermissions.ownerOnlyTree(root);
            return this;
        } catch (FileSystemException e) {
            if (e instanceof AccessDeniedException || "Read-only file system".equals(e.getReason())) {
                // Read-only media, another account's directory, a mount without write rights: say which path.
                throw new LocalizedException(e, "app.error.dataDirReadOnly", root.toString(), String.valueOf(e.getFile()));
            }
            throw new LocalizedException(e, "app.error.dataDirUnusable", root.toString(), String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw new LocalizedException(e, "app.error.dataDirUnusable", root.toString(), String.valueOf(e.getMessage()));
        }
    }
}
