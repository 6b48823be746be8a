package cn.shebao.counter.device.reader;

import cn.shebao.counter.device.protocol.Command;
import cn.shebao.counter.device.protocol.FrameDecoder;
import cn.shebao.counter.device.protocol.FrameException;
import cn.shebao.counter.device.protocol.Response;
import java.io.IOException;
import java.util.function.Consumer;

/** One command, one response, within a deadline: the request/response discipline over a {@link ReaderLink}. */
public final class Exchanger {

    private final ReaderLink link;
    private final FrameDecoder decoder = new FrameDecoder();
    private final byte[] readBuffer = new byte[2048];
    private final Consumer<FrameException.Problem> onDamaged;

    public Exchanger(ReaderLink link, Consumer<FrameException.Problem> onDamaged) {
        this.link = link;
        this.onDamaged = onDamaged;
    }

    /** Forgets buffered bytes, e.g. after reopening the link. */
    public void reset() {
        decoder.reset();
    }

    /** Sends the command and waits for its response until the deadline; null when none came in time. */
    public Response exchange(Command command, int deadlineMillis) throws IOException {
        checkLink();
        // Stale bytes (a late answer to an earlier command, requests queued before the device opened its
        // end) would be taken for this command's answer: drop them first.
        decoder.reset();
        link.flushInput();
        link.write(command.frame());
        long deadline = System.nanoTime() + deadlineMillis * 1_000_000L;
        while (true) {
            for (FrameDecoder.Result r; (r = decoder.next()) != null; ) {
                if (r instanceof FrameDecoder.Result.Body body) {
                    try {
                        Response response = Response.of(body.body());
                        if (command.accepts(response)) {
                            return response;
                        }
                        // Otherwise: the late answer to an earlier command; keep waiting for ours.
                    } catch (FrameException e) {
                        onDamaged.accept(e.problem()); // too short to be a response
                    }
                } else {
                    onDamaged.accept(((FrameDecoder.Result.Damaged) r).problem());
                }
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                // The fact sheet's advice: on a timeout discard what is buffered and flush the input.
                decoder.reset();
                link.flushInput();
                return null;
            }
            int n = link.read(readBuffer, (int) Math.min(left, 100));
            checkLink();
            if (n > 0) {
                decoder.feed(readBuffer, 0, n);
            }
        }
    }

    private void checkLink() throws IOException {
        if (link.lost()) {
            throw new IOException("reader disconnected");
        }
    }
}
