package cn.shebao.counter.device.sim;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.device.card.IdCardText;
import cn.shebao.counter.device.protocol.Command;
import cn.shebao.counter.device.protocol.FrameException;
import cn.shebao.counter.device.protocol.Ga467Frame;
import cn.shebao.counter.device.protocol.ModuleStatus;
import cn.shebao.counter.device.protocol.Response;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The reader's side of the protocol: answers request frames as a security module would, for a card that
 * a person presents and removes. Faults are armed once ({@link #arm}) or kept on ({@link #keep}).
 * Thread-safe: the serving thread answers while a demo panel presents and removes cards.
 */
public final class ReaderSimulator {

    /** Photo bytes of a simulated card: the real format is vendor WLT; ours is opaque filler of that size. */
    public static final int PHOTO_LENGTH = 1024;

    private final Set<Fault> armed = EnumSet.noneOf(Fault.class);
    private final Set<Fault> kept = EnumSet.noneOf(Fault.class);
    private final SplittableRandom random = new SplittableRandom(467);
    private IdCard card;
    private byte[] photo = new byte[PHOTO_LENGTH];
    private boolean found;
    private boolean selected;
    private boolean readSincePresented;

    public synchronized void present(IdCard presented, byte[] photoBytes) {
        this.card = presented;
        this.photo = photoBytes == null ? new byte[PHOTO_LENGTH] : photoBytes.clone();
        found = false;
        selected = false;
        readSincePresented = false;
    }

    public synchronized void remove() {
        card = null;
        found = false;
        selected = false;
    }

    public synchronized boolean cardPresent() {
        return card != null;
    }

    /** The fault applies to the next response it concerns, then disarms. */
    public synchronized void arm(Fault fault) {
        armed.add(fault);
    }

    /** The fault applies until {@link #clear}. */
    public synchronized void keep(Fault fault) {
        kept.add(fault);
    }

    public synchronized void clear() {
        armed.clear();
        kept.clear();
    }

    /** What the simulator sends back for one request frame, faults applied; an empty array means silence. */
    public synchronized Reply answer(byte[] requestFrame) {
        byte[] response;
        Command command = null;
        try {
            byte[] body = Ga467Frame.unwrap(requestFrame);
            command = Command.of(body);
            response = respond(body);
        } catch (FrameException e) {
            response = Response.frame(e.problem() == FrameException.Problem.BAD_CHECKSUM
                    ? ModuleStatus.CHECKSUM_ERROR : ModuleStatus.LENGTH_ERROR, new byte[0]);
        }
        int delayMillis = 0;
        if (take(Fault.BAD_CHECKSUM)) {
            response[response.length - 1] ^= 0x5A;
        }
        if (take(Fault.TRUNCATED_FRAME)) {
            response = Arrays.copyOf(response, response.length / 2);
        }
        if (take(Fault.GARBAGE)) {
            byte[] garbage = new byte[1 + random.nextInt(40)];
            random.nextBytes(garbage);
            byte[] withGarbage = new byte[garbage.length + response.length];
            System.arraycopy(garbage, 0, withGarbage, 0, garbage.length);
            System.arraycopy(response, 0, withGarbage, garbage.length, response.length);
            response = withGarbage;
        }
        if (command == Command.READ_TEXT_PHOTO && take(Fault.SLOW_RESPONSE)) {
            delayMillis = 2500;
        }
        return new Reply(response, delayMillis);
    }

    /** Bytes to send and how long to wait first. */
    public record Reply(byte[] bytes, int delayMillis) {
    }

    private byte[] respond(byte[] body) {
        Command command = Command.of(body);
        if (command == null) {
            return Response.frame(ModuleStatus.BAD_COMMAND, new byte[0]);
        }
        return switch (command) {
            case RESET_SAM, SAM_STATUS -> Response.frame(ModuleStatus.SUCCESS, new byte[0]);
            case READ_SAM_ID -> Response.frame(ModuleStatus.SUCCESS, samId());
            case FIND_CARD -> find();
            case SELECT_CARD -> select();
            case READ_TEXT_PHOTO -> read();
            case READ_NEWEST_ADDRESS -> Response.frame(ModuleStatus.NO_ITEM, new byte[0]);
            default -> Response.frame(ModuleStatus.SUCCESS, new byte[0]);
        };
    }

    private byte[] find() {
        if (card == null || readSincePresented || take(Fault.NO_CARD)) {
            return Response.frame(ModuleStatus.NO_CARD, new byte[0]);
        }
        found = true;
        return Response.frame(ModuleStatus.CARD_FOUND, new byte[4]);
    }

    private byte[] select() {
        // After a read the card stays selectable while it lies on the reader: that is how removal is seen.
        if (card == null || !(found || readSincePresented) || take(Fault.SELECT_FAILURE)) {
            return Response.frame(ModuleStatus.SELECT_FAILED, new byte[0]);
        }
        selected = true;
        return Response.frame(ModuleStatus.SUCCESS, new byte[8]);
    }

    private byte[] read() {
        if (card == null || !selected || take(Fault.READ_FAILURE)) {
            return Response.frame(ModuleStatus.READ_FAILED, new byte[0]);
        }
        byte[] text = IdCardText.encode(card);
        ByteBuffer data = ByteBuffer.allocate(4 + text.length + photo.length);
        data.putShort((short) text.length).putShort((short) photo.length).put(text).put(photo);
        readSincePresented = true;
        found = false;
        return Response.frame(ModuleStatus.SUCCESS, data.array());
    }

    private byte[] samId() {
        byte[] id = new byte[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = (byte) (0x10 + i);
        }
        return id;
    }

    private boolean take(Fault fault) {
        return kept.contains(fault) || armed.remove(fault);
    }
}
