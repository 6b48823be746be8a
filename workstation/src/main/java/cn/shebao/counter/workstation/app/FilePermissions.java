package cn.shebao.counter.workstation.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** Restricts key material to the owning account where the file system has POSIX permissions. */
public final class FilePermissions {

    private FilePermissions() {
    }

    public static void ownerOnly(Path path) throws IOException {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) == null) {
            return; // Windows: the per-user %LOCALAPPDATA% ACL already limits access to the account.
        }
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
    }
}
