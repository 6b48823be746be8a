package cn.shebao.counter.device.smartcard;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.device.id.Gender;
import cn.shebao.counter.device.reader.ReadFailure;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import java.util.Locale;

/**
 * Reads a holder card over an open channel: selects the first application of the configured layouts the card has,
 * then reads its identification file and its holder file record by record. Each record answers as
 * {@code tag length value}, the tag being the record's number, which is checked: a card that answers with another
 * record is refused rather than misread.
 */
public final class HolderCardReader {

    private static final int SW_OK = 0x9000;
    private static final int SW_SECURITY_NOT_SATISFIED = 0x6982;
    private static final int SW_AUTHENTICATION_BLOCKED = 0x6983;
    private static final List<Integer> SW_NOT_FOUND = List.of(0x6A82, 0x6A81, 0x6A86);

    private final List<CardLayout> layouts;
    private final SecurityModule securityModule;

    public HolderCardReader(List<CardLayout> layouts, SecurityModule securityModule) {
        if (layouts.isEmpty()) {
            throw new IllegalArgumentException("at least one card layout");
        }
        this.layouts = List.copyOf(layouts);
        this.securityModule = securityModule;
    }

    /** @throws CardReadException with the reason in words; CardException when the card or reader went away */
    public HolderCard read(CardChannel channel, LocalDate today) throws CardException, CardReadException {
        CardLayout layout = select(channel);
        CardLayout.Records r = layout.records();
        selectFile(channel, layout.identificationFile());
        String issuer = digits(record(channel, r.issuer()));
        LocalDate issuedOn = date(record(channel, r.issuedOn()), "issue date");
        LocalDate validTo = date(record(channel, r.validTo()), "validity");
        String cardNumber = text(record(channel, r.cardNumber()), layout);
        selectFile(channel, layout.holderFile());
        String idNumber = text(record(channel, r.idNumber()), layout).toUpperCase(Locale.ROOT);
        String name = text(record(channel, r.holderName()), layout);
        Gender gender = gender(record(channel, r.gender()));
        String nation = digits(record(channel, r.nation()));
        LocalDate birthDate = date(record(channel, r.birthDate()), "birth date");
        if (!CitizenIdNumber.isValid(idNumber)) {
            throw new CardReadException(ReadFailure.CARD_NOT_DECODED, "the social security number is no valid citizen ID number");
        }
        HolderCard card = new HolderCard(layout.name(), cardNumber, issuer, issuedOn, validTo, idNumber, name, gender,
                nation.length() == 1 ? "0" + nation : nation, birthDate);
        if (!card.validOn(today)) {
            throw new CardReadException(ReadFailure.CARD_EXPIRED, "valid to " + validTo);
        }
        return card;
    }

    private CardLayout select(CardChannel channel) throws CardException, CardReadException {
        for (CardLayout layout : layouts) {
            ResponseAPDU answer = transmit(channel, new CommandAPDU(0x00, 0xA4, 0x04, 0x00, layout.aid()));
            if (answer.getSW() == SW_OK) {
                return layout;
            }
            if (answer.getSW() == SW_AUTHENTICATION_BLOCKED) {
                throw new CardReadException(ReadFailure.CARD_LOCKED, "SW 6983 selecting " + layout.name());
            }
            if (!SW_NOT_FOUND.contains(answer.getSW())) {
                throw new CardReadException(ReadFailure.READ_FAILED, "SW " + sw(answer) + " selecting " + layout.name());
            }
        }
        throw new CardReadException(ReadFailure.WRONG_APPLICATION, "none of " + layouts.stream().map(CardLayout::name).toList());
    }

    private void selectFile(CardChannel channel, int fileId) throws CardException, CardReadException {
        ResponseAPDU answer = transmit(channel, new CommandAPDU(0x00, 0xA4, 0x02, 0x00, new byte[] {(byte) (fileId >> 8), (byte) fileId}));
        check(answer, "selecting file " + Integer.toHexString(fileId).toUpperCase(Locale.ROOT));
    }

    private byte[] record(CardChannel channel, int number) throws CardException, CardReadException {
        CommandAPDU read = new CommandAPDU(0x00, 0xB2, number, 0x04, 256);
        ResponseAPDU answer = transmit(channel, read);
        if (answer.getSW() == SW_SECURITY_NOT_SATISFIED) {
            securityModule.authenticate(channel);
            answer = transmit(channel, read);
        }
        check(answer, "reading record " + number);
        byte[] data = answer.getData();
        if (data.length < 2 || (data[0] & 0xFF) != number || (data[1] & 0xFF) > data.length - 2) {
            throw new CardReadException(ReadFailure.CARD_NOT_DECODED, "record " + number + " is not tag " + number + " with its length");
        }
        return Arrays.copyOfRange(data, 2, 2 + (data[1] & 0xFF));
    }

    /**
     * A card pulled out mid-command can come back as a "successful" transmit with no bytes at all (vpcd does, and so do
     * some readers); the JDK then fails building the response with an IllegalArgumentException. Either way the
     * command got no answer, which is what a CardException says.
     */
    private static ResponseAPDU transmit(CardChannel channel, CommandAPDU command) throws CardException {
        try {
            return channel.transmit(command);
        } catch (IllegalArgumentException e) {
            throw new CardException("the card gave no answer", e);
        }
    }

    private static void check(ResponseAPDU answer, String doing) throws CardReadException {
        if (answer.getSW() == SW_OK) {
            return;
        }
        if (answer.getSW() == SW_AUTHENTICATION_BLOCKED) {
            throw new CardReadException(ReadFailure.CARD_LOCKED, "SW 6983 " + doing);
        }
        throw new CardReadException(ReadFailure.READ_FAILED, "SW " + sw(answer) + " " + doing);
    }

    private static String sw(ResponseAPDU answer) {
        return String.format("%04X", answer.getSW());
    }

    /** Text fields are padded with zero bytes, 0xFF or spaces. */
    private static String text(byte[] value, CardLayout layout) {
        int end = value.length;
        while (end > 0 && (value[end - 1] == 0 || value[end - 1] == (byte) 0xFF || value[end - 1] == ' ')) {
            end--;
        }
        return new String(value, 0, end, layout.nameCharset()).strip();
    }

    /** BCD digits, the unused last nibbles F. */
    private static String digits(byte[] value) {
        String hex = HexFormat.of().withUpperCase().formatHex(value);
        int end = hex.length();
        while (end > 0 && hex.charAt(end - 1) == 'F') {
            end--;
        }
        return hex.substring(0, end);
    }

    private static LocalDate date(byte[] value, String what) throws CardReadException {
        String d = digits(value);
        try {
            return LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)), Integer.parseInt(d.substring(6, 8)));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            throw new CardReadException(ReadFailure.CARD_NOT_DECODED, what + " is no date", e);
        }
    }

    private static Gender gender(byte[] value) throws CardReadException {
        String g = new String(value, StandardCharsets.US_ASCII).strip();
        return switch (g) {
            case "1" -> Gender.MALE;
            case "2" -> Gender.FEMALE;
            default -> throw new CardReadException(ReadFailure.CARD_NOT_DECODED, "gender code is neither 1 nor 2");
        };
    }
}
