package cn.shebao.counter.device.protocol;

import java.util.Arrays;

/**
 * The frame format of the ID card reader's security module (GA 467):
 * {@code AA AA AA 96 69 | LEN_H LEN_L | body... | CHK}, where LEN counts every byte after itself
 * (checksum included) and CHK is the XOR of every byte after the preamble. Pure functions only.
 */
public final class Ga467Frame {

    public static final byte[] PREAMBLE = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69};
    /** Longest legal LEN: the fingerprint read carries 16 + 256 + 1024 + 1024 bytes; anything far above is noise. */
    public static final int MAX_LENGTH = 4096;
    static final int HEADER = PREAMBLE.length + 2;

    private Ga467Frame() {
    }

    /** Wraps a body (request: CMD PARA DATA; response: SW1 SW2 SW3 DATA) into a full frame. */
    public static byte[] wrap(byte[] body) {
        int len = body.length + 1;
        if (len > MAX_LENGTH) {
            throw new IllegalArgumentException("frame body too long: " + body.length);
        }
        byte[] frame = new byte[HEADER + len];
        System.arraycopy(PREAMBLE, 0, frame, 0, PREAMBLE.length);
        frame[5] = (byte) (len >>> 8);
        frame[6] = (byte) len;
        System.arraycopy(body, 0, frame, HEADER, body.length);
        frame[frame.length - 1] = checksum(frame, PREAMBLE.length, frame.length - 1);
        return frame;
    }

    /** XOR of bytes [from, to). */
    public static byte checksum(byte[] bytes, int from, int to) {
        byte x = 0;
        for (int i = from; i < to; i++) {
            x ^= bytes[i];
        }
        return x;
    }

    /** Unwraps one complete frame (exactly, no bytes before or after) and returns its body. */
    public static byte[] unwrap(byte[] frame) throws FrameException {
        if (frame.length < HEADER + 1 || !Arrays.equals(frame, 0, PREAMBLE.length, PREAMBLE, 0, PREAMBLE.length)) {
            throw new FrameException(FrameException.Problem.NO_PREAMBLE, "frame does not start with AA AA AA 96 69");
        }
        int len = ((frame[5] & 0xFF) << 8) | (frame[6] & 0xFF);
        if (len < 1 || len > MAX_LENGTH) {
            throw new FrameException(FrameException.Problem.BAD_LENGTH, "LEN " + len);
        }
        if (frame.length != HEADER + len) {
            throw new FrameException(FrameException.Problem.TRUNCATED, "LEN " + len + " but " + (frame.length - HEADER) + " bytes follow");
        }
        if (checksum(frame, PREAMBLE.length, frame.length - 1) != frame[frame.length - 1]) {
            throw new FrameException(FrameException.Problem.BAD_CHECKSUM, "checksum mismatch");
        }
        return Arrays.copyOfRange(frame, HEADER, frame.length - 1);
    }
}
