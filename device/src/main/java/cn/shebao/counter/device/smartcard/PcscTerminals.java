package cn.shebao.counter.device.smartcard;

import java.security.NoSuchAlgorithmException;
import java.util.List;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/**
 * The machine's PC/SC card terminals. {@code TerminalFactory.getInstance("PC/SC", null)}, never {@code getDefault()}:
 * without the card service the default quietly is a factory of type "None" with no terminals, which would look like
 * "no reader plugged in" instead of "the card service is not running".
 */
public final class PcscTerminals {

    private final TerminalFactory factory;

    private PcscTerminals(TerminalFactory factory) {
        this.factory = factory;
    }

    /** @throws CardServiceUnavailableException when pcscd (or WinSCard) is not running or its library is missing */
    public static PcscTerminals open() throws CardServiceUnavailableException {
        TerminalFactory factory;
        try {
            factory = TerminalFactory.getInstance("PC/SC", null);
        } catch (NoSuchAlgorithmException e) {
            // The JDK wraps the PC/SC code: SCARD_E_NO_SERVICE when pcscd is not running; otherwise no libpcsclite.
            String cause = String.valueOf(e.getCause() == null ? null : e.getCause().getMessage());
            throw new CardServiceUnavailableException(cause.contains("SCARD_E_NO_SERVICE") ? "pcscd is not running"
                    : "no PC/SC library (libpcsclite): " + cause, e);
        }
        PcscTerminals terminals = new PcscTerminals(factory);
        terminals.list();
        return terminals;
    }

    /**
     * Waits up to {@code millis} for a card to be inserted into or removed from any terminal; false on timeout.
     * One wait over all terminals, on the one thread that also reads: pcsc-lite serialises the calls on a context, and
     * the JDK keeps one context per process, so a second thread waiting here would hold every APDU of a read up.
     */
    public boolean waitForChange(long millis) throws CardException {
        return factory.terminals().waitForChange(millis);
    }

    /** The terminals attached now. */
    public List<CardTerminal> list() throws CardServiceUnavailableException {
        try {
            return factory.terminals().list();
        } catch (CardException e) {
            // The JDK says only "list() failed"; its cause names the PC/SC code (SCARD_E_NO_SERVICE and the like).
            if (e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains("SCARD_E_NO_READERS_AVAILABLE")) {
                return List.of();
            }
            throw new CardServiceUnavailableException(String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
        }
    }
}
