package cn.shebao.counter.device.smartcard;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import javax.smartcardio.CardTerminal;

/**
 * vsmartcard's virtual reader in the machine's real pcscd: its first slot takes a virtual card on port 35963, its
 * second on 35964. CI installs and starts both (.ci/run); a developer machine without them skips, CI fails.
 */
public final class VirtualReaders {

    public static final int FIRST_SLOT = 35963;
    public static final int SECOND_SLOT = 35964;
    public static final String FIRST = "Virtual PCD 00 00";
    public static final String SECOND = "Virtual PCD 00 01";

    private VirtualReaders() {
    }

    public static void requireRunning() {
        String problem = null;
        try {
            List<String> names = PcscTerminals.open().list().stream().map(CardTerminal::getName).toList();
            if (!names.contains(FIRST) || !names.contains(SECOND)) {
                problem = "pcscd runs without vsmartcard's virtual reader (vsmartcard-vpcd): " + names;
            }
        } catch (CardServiceUnavailableException e) {
            problem = "pcscd is not running: " + e.getMessage();
        }
        if (problem != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail(problem + " (.ci/run installs and starts pcscd with vsmartcard-vpcd)");
            }
            assumeTrue(false, problem);
        }
    }
}
