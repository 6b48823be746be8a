package cn.shebao.counter.device.smartcard;

import cn.shebao.counter.device.reader.ReadFailure;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;

/**
 * The PSAM (the reader's security module in a second slot) that some cards demand before they release the holder's
 * data: the card answers "security status not satisfied" (SW 6982) until the module has authenticated it externally.
 * Each province's PSAM speaks its own key scheme, so the scheme lives behind this interface. {@link #NONE} is the
 * honest default: no PSAM fitted, and a card that needs one is refused in words.
 */
public interface SecurityModule {

    /** Authenticates the card on {@code card} so that the next read succeeds. */
    void authenticate(CardChannel card) throws CardException, CardReadException;

    SecurityModule NONE = card -> {
        throw new CardReadException(ReadFailure.NO_SECURITY_MODULE, "the card demands external authentication; no PSAM is fitted");
    };
}
