package cn.shebao.counter.workstation.platform;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One process per data directory. Derby itself refuses a second boot with the cryptic XSDB6; this lock
 * is taken first so the second start gets a plain message. The OS releases it when a process dies,
 * so a killed workstation never leaves a stale lock behind.
 */
public final class InstanceLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static InstanceLock acquire(DataDirectory dir) {
        Path file = dir.lockFile();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new LocalizedException("app.error.alreadyRunning", dir.root().toString());
            }
            return new InstanceLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel, e);
            throw new LocalizedException(e, "app.error.alreadyRunning", dir.root().toString());
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new LocalizedException(e, "app.error.dataDirUnusable", dir.root().toString(), e.getMessage());
        }
    }

    private static void closeQuietly(FileChannel channel, Exception primary) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException suppressed) {
            primary.addSuppressed(suppressed);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            channel.close();
        }
    }
}
