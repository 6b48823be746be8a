package cn.shebao.counter.workstation.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** A Derby container file damaged on disk, as a flipped bit would: the next read of any of its data pages fails. */
public final class DamagedPages {

    private DamagedPages() {
    }

    /**
     * Flips one byte in the middle of every 4 KB past the first 32 KB (the container's first page, whatever page size
     * Derby chose for the table, stays whole): the next read of any data page fails its checksum.
     */
    public static void flipOneBytePerPage(Path container) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(container.toFile(), "rw")) {
            int pageSize = 4096;
            for (long page = 8; (page + 1) * pageSize <= f.length(); page++) {
                long at = page * pageSize + pageSize / 2;
                f.seek(at);
                int b = f.read();
                f.seek(at);
                f.write(b ^ 0x5a);
            }
        }
    }
}
