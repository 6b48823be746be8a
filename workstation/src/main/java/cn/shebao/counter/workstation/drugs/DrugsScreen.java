package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.workstation.certificates.CertificatePrinting;
import cn.shebao.counter.workstation.certificates.DocumentType;
import cn.shebao.counter.workstation.citizen.CitizenRecords;
import cn.shebao.counter.workstation.citizen.CitizenSearch;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.screen.Screen;
import java.awt.event.KeyEvent;
import java.time.Clock;
import java.util.Set;

/** F4, for clerks: special-drug applications and specified-disease registrations, with the decision notices. */
public final class DrugsScreen {

    public static final String NAME = "SPECIAL_DRUGS";

    /** The services the screen uses. */
    public record Services(CitizenSearch search, CitizenRecords records, DrugCatalogue catalogue, DrugApplications applications,
            SpecifiedDiseases diseases, CertificatePrinting.Services printing, Clock clock) {
    }

    private DrugsScreen() {
    }

    public static Screen of(Services services) {
        return new Screen(NAME, KeyEvent.VK_F4, Set.of(StaffRole.CLERK), context -> {
            CertificatePrinting printing = new CertificatePrinting(context.texts(), services.printing());
            DecisionNotices notices = new DecisionNotices(services.clock().getZone());
            DrugsPanel.NoticePrinter noticePrinter = (opened, line, owner) -> printing.issue(owner,
                    () -> services.printing().register().issue(opened.access(), DocumentType.DRUG_DECISION_NOTICE,
                            stamp -> notices.notice(opened.profile(), line, line.decidedByName(), stamp)));
            return new DrugsPanel(context.texts(), context.session(), services.search(), services.records(), services.catalogue(),
                    services.applications(), noticePrinter, context.served(), services.diseases(), services.clock());
        });
    }
}
