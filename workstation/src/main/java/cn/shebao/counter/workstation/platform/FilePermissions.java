package cn.shebao.counter.workstation.platform;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps a workstation's files to the owning account where the file system has POSIX permissions. Java cannot set the
 * process umask, so instead the data directory itself is {@code rwx------} (nothing below it can be reached by anyone
 * else, whatever mode Derby or the logger gives a new file) and every file already there is tightened at start.
 */
public final class FilePermissions {

    private static final Set<PosixFilePermission> OTHERS_WRITE = Set.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    private FilePermissions() {
    }

    public static void ownerOnly(Path path) throws IOException {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) == null) {
            return; // Windows: the per-user %LOCALAPPDATA% ACL already limits access to the account.
        }
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
    }

    /** {@link #ownerOnly} for {@code root} and everything below it; symbolic links are neither followed nor changed. */
    public static void ownerOnlyTree(Path root) throws IOException {
        if (Files.getFileAttributeView(root, PosixFileAttributeView.class) == null) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                ownerOnly(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    ownerOnly(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * The directories above {@code root} that someone else may write to without the sticky bit: whoever can write there
     * can rename the data directory away and put their own in its place. Reported, not changed (they are not ours).
     */
    public static List<Path> parentsOthersCanReplace(Path root) throws IOException {
        List<Path> loose = new ArrayList<>();
        for (Path p = root.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) == null) {
                break;
            }
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p);
            boolean writableByOthers = mode.stream().anyMatch(OTHERS_WRITE::contains);
            if (writableByOthers && !sticky(p)) {
                loose.add(p);
            }
        }
        return loose;
    }

    private static boolean sticky(Path dir) throws IOException {
        // The sticky bit (as on /tmp) stops others from renaming what they do not own; NIO does not show it.
        Object mode = Files.getAttribute(dir, "unix:mode");
        return mode instanceof Integer m && (m & 01000) != 0;
    }
}
