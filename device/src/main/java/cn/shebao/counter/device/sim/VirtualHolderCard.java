package cn.shebao.counter.device.sim;

import cn.shebao.counter.device.id.Gender;
import cn.shebao.counter.device.smartcard.CardLayout;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.io.UncheckedIOException;

/**
 * A social security card of our own that sits in vsmartcard's virtual reader (vpcd, a pcscd driver): it connects to
 * vpcd's port and speaks its protocol, each message a 2-byte big-endian length and then either one control byte
 * (0 power off, 1 power on, 2 reset, 4 send the ATR) or an APDU to answer. Connected is inserted; {@link #remove()}
 * closes the connection, which pcscd sees as the card taken out. It answers SELECT by name and by file id and READ
 * RECORD with the national layout's records, and can be made locked, of another application, in need of a PSAM, or
 * pulled out after a number of commands. For tests and demonstrations; it is no card emulator beyond that.
 */
public final class VirtualHolderCard implements AutoCloseable {

    /** How the card misbehaves, if at all. */
    public enum Condition { WORKING, LOCKED, OTHER_APPLICATION, NEEDS_PSAM }

    private static final byte[] ATR = HexFormat.of().parseHex("3B80800101");
    private static final byte[] OK = {(byte) 0x90, 0x00};

    private final byte[] aid;
    private final Map<Integer, Map<Integer, byte[]>> files;
    private final Condition condition;
    private final int pulledAfterCommands;
    private final AtomicInteger commands = new AtomicInteger();
    private volatile Socket socket;
    private Thread thread;

    private VirtualHolderCard(byte[] aid, Map<Integer, Map<Integer, byte[]>> files, Condition condition, int pulledAfterCommands) {
        this.aid = aid;
        this.files = files;
        this.condition = condition;
        this.pulledAfterCommands = pulledAfterCommands;
    }

    /** A card of the national layout with the holder's data as the chip stores it. */
    public static VirtualHolderCard socialSecurityCard(String idNumber, String name, Gender gender, String nationCode,
            LocalDate birthDate, String cardNumber, LocalDate issuedOn, LocalDate validTo) {
        CardLayout layout = CardLayout.socialSecurityCard();
        CardLayout.Records r = layout.records();
        Map<Integer, byte[]> identification = new HashMap<>();
        identification.put(0x01, padded("330100D15600000500A1B2C3D4E5F6".getBytes(StandardCharsets.US_ASCII), 32));
        identification.put(0x02, "3".getBytes(StandardCharsets.US_ASCII));
        identification.put(0x03, "3.00".getBytes(StandardCharsets.US_ASCII));
        identification.put(r.issuer(), bcd("330100000000", 6));
        identification.put(r.issuedOn(), bcd(date(issuedOn), 4));
        identification.put(r.validTo(), bcd(date(validTo), 4));
        identification.put(r.cardNumber(), padded(cardNumber.getBytes(StandardCharsets.US_ASCII), 9));
        Map<Integer, byte[]> holder = new HashMap<>();
        holder.put(r.idNumber(), padded(idNumber.getBytes(StandardCharsets.US_ASCII), 18));
        holder.put(r.holderName(), padded(name.getBytes(layout.nameCharset()), 30));
        holder.put(r.gender(), new byte[] {(byte) gender.code()});
        holder.put(r.nation(), bcd(nationCode, 1));
        holder.put(0x0C, bcd("330100", 3));
        holder.put(r.birthDate(), bcd(date(birthDate), 4));
        Map<Integer, Map<Integer, byte[]>> files = new HashMap<>();
        files.put(layout.identificationFile(), identification);
        files.put(layout.holderFile(), holder);
        return new VirtualHolderCard(layout.aid(), files, Condition.WORKING, Integer.MAX_VALUE);
    }

    /** The same data under another application (a city's citizen card). */
    public VirtualHolderCard withApplication(byte[] otherAid) {
        return new VirtualHolderCard(otherAid.clone(), files, condition, pulledAfterCommands);
    }

    /** The same card in another condition. */
    public VirtualHolderCard in(Condition changed) {
        return new VirtualHolderCard(aid, files, changed, pulledAfterCommands);
    }

    /** The same card, taken out of the reader after answering {@code count} commands (mid-read). */
    public VirtualHolderCard pulledAfter(int count) {
        return new VirtualHolderCard(aid, files, condition, count);
    }

    /** Puts the card in the virtual reader listening on {@code port} (vpcd: 35963 for its first slot). */
    public VirtualHolderCard insert(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setTcpNoDelay(true);
        socket = s;
        thread = new Thread(() -> serve(s), "virtual-card-" + port);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Takes the card out: the connection closes. */
    public void remove() throws IOException {
        Socket s = socket;
        if (s != null) {
            s.close();
        }
    }

    /** Commands answered so far (APDUs, not control bytes). */
    public int commandsAnswered() {
        return commands.get();
    }

    @Override
    public void close() throws IOException {
        remove();
    }

    private void serve(Socket s) {
        int selectedFile = -1;
        boolean applicationSelected = false;
        boolean authenticated = false;
        try (DataInputStream in = new DataInputStream(s.getInputStream()); DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
            while (true) {
                int length = in.readUnsignedShort();
                byte[] message = in.readNBytes(length);
                if (message.length < length) {
                    return;
                }
                if (length == 1) {
                    if (message[0] == 4) {
                        send(out, ATR);
                    } else if (message[0] == 0 || message[0] == 2) {
                        applicationSelected = false;
                        authenticated = false;
                        selectedFile = -1;
                    }
                    continue;
                }
                if (commands.get() >= pulledAfterCommands) {
                    s.close(); // pulled out mid-read: the command goes unanswered
                    return;
                }
                commands.incrementAndGet();
                int ins = message[1] & 0xFF;
                int p1 = message.length > 2 ? message[2] & 0xFF : 0;
                byte[] data = message.length > 5 ? Arrays.copyOfRange(message, 5, 5 + (message[4] & 0xFF)) : new byte[0];
                byte[] answer;
                if (ins == 0xA4 && p1 == 0x04) {
                    if (condition == Condition.LOCKED) {
                        answer = sw(0x6983);
                    } else if (condition != Condition.OTHER_APPLICATION && Arrays.equals(data, aid)) {
                        applicationSelected = true;
                        answer = OK;
                    } else {
                        answer = sw(0x6A82);
                    }
                } else if (ins == 0xA4 && p1 == 0x02 && data.length == 2) {
                    int fid = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
                    if (applicationSelected && files.containsKey(fid)) {
                        selectedFile = fid;
                        answer = OK;
                    } else {
                        answer = sw(0x6A82);
                    }
                } else if (ins == 0xB2) {
                    Map<Integer, byte[]> file = files.get(selectedFile);
                    byte[] value = file == null ? null : file.get(p1);
                    if (condition == Condition.NEEDS_PSAM && !authenticated) {
                        answer = sw(0x6982);
                    } else if (value == null) {
                        answer = sw(0x6A83);
                    } else {
                        answer = new byte[value.length + 4];
                        answer[0] = (byte) p1;
                        answer[1] = (byte) value.length;
                        System.arraycopy(value, 0, answer, 2, value.length);
                        answer[answer.length - 2] = (byte) 0x90;
                    }
                } else if (ins == 0x82) {
                    authenticated = true; // external authentication by a PSAM (not checked: no real keys here)
                    answer = OK;
                } else {
                    answer = sw(0x6D00);
                }
                send(out, answer);
            }
        } catch (EOFException | SocketException closed) {
            // vpcd closed the connection, or the card was removed: the card is out.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(DataOutputStream out, byte[] message) throws IOException {
        out.writeShort(message.length);
        out.write(message);
        out.flush();
    }

    private static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }

    private static String date(LocalDate d) {
        return String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    private static byte[] bcd(String digits, int bytes) {
        StringBuilder hex = new StringBuilder(digits);
        while (hex.length() < bytes * 2) {
            hex.append('F');
        }
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] padded(byte[] value, int length) {
        return Arrays.copyOf(value, Math.max(length, value.length));
    }
}
