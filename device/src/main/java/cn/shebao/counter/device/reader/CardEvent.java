package cn.shebao.counter.device.reader;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.device.smartcard.HolderCard;

/** What the reader reports. Delivered on the reader's own thread, never the EDT: hand it over yourself. */
public sealed interface CardEvent {

    record ReaderConnected(String port) implements CardEvent {
    }

    record ReaderLost(String port, String detail) implements CardEvent {
    }

    record CardPresented() implements CardEvent {
    }

    /** A card read and decoded; the photo is the raw (WLT) bytes, decoded only by a {@code PhotoDecoder}. */
    record CardRead(IdCard card, byte[] photo) implements CardEvent {
        @Override
        public String toString() {
            return "CardRead[" + card + ", photo " + photo.length + " bytes]";
        }
    }

    /** A social security card or citizen card read from its chip (a PC/SC reader). */
    record HolderCardRead(HolderCard card) implements CardEvent {
    }

    record CardRemoved() implements CardEvent {
    }

    record ReadFailed(ReadFailure reason, String detail) implements CardEvent {
    }
}
