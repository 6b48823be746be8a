package cn.shebao.counter.workstation.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.device.sim.VirtualHolderCard;
import cn.shebao.counter.device.smartcard.CardServiceUnavailableException;
import cn.shebao.counter.device.smartcard.PcscTerminals;
import java.util.List;
import javax.smartcardio.CardTerminal;

/**
 * vsmartcard's virtual reader in the machine's pcscd, for the workstation's chip card tests: its first slot takes a
 * virtual card on port 35963. CI installs and starts it (.ci/run); a developer machine without it skips, CI fails.
 */
public final class ChipReaders {

    public static final int FIRST_SLOT = 35963;

    private ChipReaders() {
    }

    public static void requireRunning() {
        String problem = null;
        try {
            List<String> names = PcscTerminals.open().list().stream().map(CardTerminal::getName).toList();
            if (names.stream().noneMatch(n -> n.startsWith("Virtual PCD"))) {
                problem = "pcscd runs without vsmartcard's virtual reader: " + names;
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

    /** The social security card of the person whose ID card this is. */
    public static VirtualHolderCard socialSecurityCardOf(IdCard id) {
        java.time.LocalDate today = java.time.LocalDate.now();
        return VirtualHolderCard.socialSecurityCard(id.idNumber(), id.name(), id.gender(), id.nationCode(), id.birthDate(),
                "S" + id.idNumber().substring(10, 18), today.minusYears(2), today.plusYears(8));
    }
}
