package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.workstation.citizen.RegistrationStatus;
import cn.shebao.counter.workstation.citizen.SpecifiedDiseaseRegistration;
import cn.shebao.counter.workstation.command.ChangeLog;
import cn.shebao.counter.workstation.command.ChangeLogEntry;
import cn.shebao.counter.workstation.command.CommandHandler;
import cn.shebao.counter.workstation.command.CommandRoute;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import cn.shebao.counter.workstation.wire.Payloads;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Central's side of the specified-disease commands: the rules again (central sees every window's registrations), a
 * refused registration removed at the window by its tombstone and shown to the supervisors as a conflict, and an end
 * only of a registration still active, within its validity.
 */
public final class SpecifiedDiseaseHandlers {

    private static final String TABLE = "specified_disease_registration";

    public List<CommandRoute> routes() {
        return List.of(CommandRoute.of(CommandType.SPECIFIED_DISEASE_REGISTERED, CommandRoute.CLERK, "by", this::registered),
                CommandRoute.of(CommandType.SPECIFIED_DISEASE_ENDED, CommandRoute.CLERK, "by", this::ended));
    }

    private CommandHandler.HandlerOutcome registered(Session s, CommandEnvelope c, ChangeLog changes) {
        SpecifiedDiseaseRegistration r = SpecifiedDiseasePayloads.registration(Payloads.read(c.payload()));
        if (s.find(SpecifiedDiseaseRegistration.class, r.getId()) != null) {
            return CommandHandler.HandlerOutcome.ok();
        }
        CitizenLock.hold(s, r.getPersonId()); // one citizen's registrations are checked one at a time
        try {
            SpecifiedDiseaseRules.check(s, r);
        } catch (LocalizedException broken) {
            changes.record(s, TABLE, r.getId(), 0, ChangeLogEntry.Operation.DELETE, c.nodeCode());
            return CommandHandler.HandlerOutcome.conflict("DISEASE_REGISTRATION_REFUSED", broken.key());
        }
        s.persist(r);
        s.flush();
        changes.record(s, TABLE, r.getId(), r.getRowVersion(), ChangeLogEntry.Operation.UPSERT, c.nodeCode());
        return CommandHandler.HandlerOutcome.ok();
    }

    private CommandHandler.HandlerOutcome ended(Session s, CommandEnvelope c, ChangeLog changes) {
        Map<String, Object> m = Payloads.read(c.payload());
        SpecifiedDiseaseRegistration r = s.find(SpecifiedDiseaseRegistration.class, Payloads.uuid(m, "registrationId"));
        LocalDate lastDay = SpecifiedDiseasePayloads.lastDay(m);
        if (r == null) {
            return CommandHandler.HandlerOutcome.conflict("DISEASE_REGISTRATION_UNKNOWN", Payloads.string(m, "registrationId"));
        }
        if (r.getStatus() == RegistrationStatus.CANCELLED && lastDay.equals(r.getValidTo())) {
            return CommandHandler.HandlerOutcome.ok(); // the same end again
        }
        if (r.getStatus() != RegistrationStatus.ACTIVE || lastDay.isBefore(r.getValidFrom()) || lastDay.isAfter(r.getValidTo())) {
            // The window ended it locally; central's row stays, and the applier sends it back (its version forced up).
            return CommandHandler.HandlerOutcome.conflict("DISEASE_END_REFUSED", r.getId().toString());
        }
        r.setStatus(RegistrationStatus.CANCELLED);
        r.setValidTo(lastDay);
        s.flush();
        changes.record(s, TABLE, r.getId(), r.getRowVersion(), ChangeLogEntry.Operation.UPSERT, c.nodeCode());
        return CommandHandler.HandlerOutcome.ok();
    }
}
