package cn.shebao.counter.device.protocol;

import java.util.Arrays;

/**
 * Finds frames in a byte stream that may hold garbage, truncated frames or bad checksums. Bytes go in
 * with {@link #feed}; complete, checked frame bodies come out of {@link #next()}. A damaged frame is
 * reported once and skipped by resynchronising on the next preamble. Memory is bounded by
 * {@link Ga467Frame#MAX_LENGTH}; every call does work proportional to the bytes fed.
 */
public final class FrameDecoder {

    /** What {@link #next()} found. */
    public sealed interface Result {
        record Body(byte[] body) implements Result {
        }

        record Damaged(FrameException.Problem problem) implements Result {
        }
    }

    private byte[] buffer = new byte[256];
    private int size;

    public void feed(byte[] bytes, int offset, int length) {
        if (size + length > buffer.length) {
            // Never more than one maximal frame plus what was just fed: older bytes cannot start a frame we still need.
            int keep = Math.min(size, Ga467Frame.HEADER + Ga467Frame.MAX_LENGTH);
            System.arraycopy(buffer, size - keep, buffer, 0, keep);
            size = keep;
            if (size + length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + length));
            }
        }
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    /** The next complete result, or null when more bytes are needed. */
    public Result next() {
        while (true) {
            int start = indexOfPreamble();
            if (start < 0) {
                // Keep a possible preamble prefix at the end; drop the rest as garbage.
                drop(Math.max(0, size - (Ga467Frame.PREAMBLE.length - 1)));
                return null;
            }
            drop(start);
            if (size < Ga467Frame.HEADER) {
                return null;
            }
            int len = ((buffer[5] & 0xFF) << 8) | (buffer[6] & 0xFF);
            if (len < 1 || len > Ga467Frame.MAX_LENGTH) {
                drop(1); // not a real frame start: look for the next preamble
                return new Result.Damaged(FrameException.Problem.BAD_LENGTH);
            }
            if (size < Ga467Frame.HEADER + len) {
                // Not complete yet. If it was truncated, the next frame's bytes complete it, the checksum
                // fails and we resynchronise on the following preamble; a stall ends at the reader's deadline.
                return null;
            }
            int end = Ga467Frame.HEADER + len;
            byte chk = Ga467Frame.checksum(buffer, Ga467Frame.PREAMBLE.length, end - 1);
            if (chk != buffer[end - 1]) {
                drop(1);
                return new Result.Damaged(FrameException.Problem.BAD_CHECKSUM);
            }
            byte[] body = Arrays.copyOfRange(buffer, Ga467Frame.HEADER, end - 1);
            drop(end);
            return new Result.Body(body);
        }
    }

    /** Forgets everything buffered: after a timeout the reader starts clean, as the fact sheet advises. */
    public void reset() {
        size = 0;
    }

    public int buffered() {
        return size;
    }

    private int indexOfPreamble() {
        outer:
        for (int i = 0; i <= size - Ga467Frame.PREAMBLE.length; i++) {
            for (int j = 0; j < Ga467Frame.PREAMBLE.length; j++) {
                if (buffer[i + j] != Ga467Frame.PREAMBLE[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void drop(int n) {
        if (n <= 0) {
            return;
        }
        System.arraycopy(buffer, n, buffer, 0, size - n);
        size -= n;
    }
}
