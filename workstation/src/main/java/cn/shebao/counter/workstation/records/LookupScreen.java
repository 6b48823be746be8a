package cn.shebao.counter.workstation.records;

import cn.shebao.counter.workstation.certificates.CertificatePrinting;
import cn.shebao.counter.workstation.citizen.CitizenRecords;
import cn.shebao.counter.workstation.citizen.CitizenSearch;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.drugs.DrugApprovalHistory;
import cn.shebao.counter.workstation.retirement.RetirementOutlooks;
import cn.shebao.counter.workstation.retirement.RetirementReminders;
import cn.shebao.counter.workstation.retirement.RetirementRemindersPanel;
import cn.shebao.counter.workstation.screen.Screen;
import java.awt.event.KeyEvent;
import java.time.Clock;
import java.util.Set;

/**
 * F2, the first screen: finding a citizen and reading their record, with its print buttons and the retirement
 * reminders beside the search. It takes the card read when the showing screen does not.
 */
public final class LookupScreen {

    public static final String NAME = "CITIZEN_LOOKUP";

    /** The services the screen uses. */
    public record Services(CitizenSearch search, CitizenRecords records, RetirementReminders reminders,
            CertificatePrinting.Services printing, Clock clock) {
    }

    private LookupScreen() {
    }

    public static Screen of(Services services) {
        return new Screen(NAME, KeyEvent.VK_F2, Set.of(StaffRole.CLERK, StaffRole.SUPERVISOR), context -> {
            CitizenRecords records = services.records();
            RecordSources sources = new RecordSources(records, new RetirementOutlooks(records, services.clock()),
                    new DrugApprovalHistory(records));
            CitizenLookupPanel lookup = new CitizenLookupPanel(context.texts(), context.session(), services.search(), sources,
                    new CertificatePrinting(context.texts(), services.printing()).actions(), context.served());
            lookup.addSearchTab(context.texts().text("citizen.tab.reminders"), new RetirementRemindersPanel(context.texts(),
                    context.session(), services.reminders(), services.clock(), lookup::openRecord));
            return lookup;
        });
    }
}
