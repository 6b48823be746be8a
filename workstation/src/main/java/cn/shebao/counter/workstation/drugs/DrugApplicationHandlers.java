package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.command.ChangeLog;
import cn.shebao.counter.workstation.command.ChangeLogEntry;
import cn.shebao.counter.workstation.command.CommandHandler;
import cn.shebao.counter.workstation.command.CommandRoute;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import cn.shebao.counter.workstation.wire.Payloads;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Central's side of the special-drug commands. Four-eyes holds here too: a decision by the person who registered
 * the application is refused. Two windows deciding offline: the same decision twice is recorded as concurring
 * (the second supervisor in {@code concurred_by}); opposite decisions make the application DISPUTED and put it in
 * the supervisors' conflict queue, where a new decision settles it.
 */
public final class DrugApplicationHandlers {

    /** A decision or revocation must carry the signature of the supervisor it names, who must be its sender. */
    public List<CommandRoute> routes() {
        return List.of(
                CommandRoute.of(CommandType.DRUG_APPLICATION_REGISTERED, CommandRoute.CLERK, null, this::registered),
                CommandRoute.of(CommandType.DRUG_APPLICATION_WITHDRAWN, CommandRoute.CLERK, "by",
                        (s, c, ch) -> closed(s, c, ch, ApplicationStatus.WITHDRAWN)),
                CommandRoute.signed(CommandType.DRUG_APPLICATION_DECIDED, CommandRoute.SUPERVISOR, "decidedBy",
                        CommandRoute.Signer.of("decidedBy", CommandRoute.SUPERVISOR), this::decided),
                CommandRoute.signed(CommandType.DRUG_APPROVAL_REVOKED, CommandRoute.SUPERVISOR, "by",
                        CommandRoute.Signer.of("by", CommandRoute.SUPERVISOR), (s, c, ch) -> closed(s, c, ch, ApplicationStatus.REVOKED)));
    }

    private CommandHandler.HandlerOutcome registered(Session s, CommandEnvelope c, ChangeLog changes) {
        SpecialDrugApplication a = DrugPayloads.application(Payloads.read(c.payload()));
        if (s.find(SpecialDrugApplication.class, a.getId()) != null) {
            return CommandHandler.HandlerOutcome.ok();
        }
        if (s.find(InsuredPerson.class, a.getPersonId()) == null) {
            return refusedRegistration(s, a, c, changes, "APPLICATION_REFERENCES_UNKNOWN", a.getId().toString());
        }
        CitizenLock.hold(s, a.getPersonId());
        try {
            RegistrationRules.check(s, a);
        } catch (LocalizedException broken) {
            return refusedRegistration(s, a, c, changes, "REGISTRATION_REFUSED", broken.key());
        }
        s.persist(a);
        s.flush();
        changes.record(s, "special_drug_application", a.getId(), a.getRowVersion(), ChangeLogEntry.Operation.UPSERT, c.nodeCode());
        return CommandHandler.HandlerOutcome.ok();
    }

    /**
     * The registering window holds the application as registered; the tombstone removes it there once the command
     * is answered, and the conflict tells the supervisors which rule central found broken (two windows registered
     * the same drug for one citizen while offline, the insurance lapsed meanwhile).
     */
    private static CommandHandler.HandlerOutcome refusedRegistration(Session s, SpecialDrugApplication a, CommandEnvelope c,
            ChangeLog changes, String kind, String detail) {
        changes.record(s, "special_drug_application", a.getId(), 0, ChangeLogEntry.Operation.DELETE, c.nodeCode());
        return CommandHandler.HandlerOutcome.conflict(kind, detail);
    }

    private CommandHandler.HandlerOutcome decided(Session s, CommandEnvelope c, ChangeLog changes) {
        Map<String, Object> m = Payloads.read(c.payload());
        SpecialDrugApplication a = s.find(SpecialDrugApplication.class, Payloads.uuid(m, "applicationId"));
        if (a == null) {
            return CommandHandler.HandlerOutcome.conflict("APPLICATION_UNKNOWN", Payloads.string(m, "applicationId"));
        }
        UUID by = Payloads.uuid(m, "decidedBy");
        ApplicationStatus decision = ApplicationStatus.valueOf(Payloads.string(m, "decision"));
        if (by.equals(a.getRegisteredBy())) {
            return CommandHandler.HandlerOutcome.conflict("SELF_DECISION", a.getId().toString());
        }
        if (a.getStatus() == ApplicationStatus.REGISTERED || a.getStatus() == ApplicationStatus.DISPUTED) {
            CitizenLock.hold(s, a.getPersonId());
            SpecialDrug drug = s.find(SpecialDrug.class, a.getDrugId());
            try {
                DrugApplications.apply(s, a, decisionOf(a.getId(), decision, m), drug, by, Payloads.instant(m, "decidedAt"));
            } catch (LocalizedException broken) {
                return CommandHandler.HandlerOutcome.conflict("DECISION_INVALID", broken.key());
            }
            return changed(s, a, c, changes, CommandHandler.HandlerOutcome.ok());
        }
        if (a.getStatus() == decision && sameTerms(a, m)) {
            if (!by.equals(a.getDecidedBy()) && a.getConcurredBy() == null) {
                a.setConcurredBy(by);
                return changed(s, a, c, changes, CommandHandler.HandlerOutcome.ok());
            }
            return CommandHandler.HandlerOutcome.ok();
        }
        if (a.getStatus() == ApplicationStatus.APPROVED || a.getStatus() == ApplicationStatus.REJECTED) {
            String first = a.getStatus().name();
            a.setStatus(ApplicationStatus.DISPUTED);
            return changed(s, a, c, changes, CommandHandler.HandlerOutcome.conflict("DECISION_DISPUTED",
                    "first=" + first + " second=" + decision.name()));
        }
        return CommandHandler.HandlerOutcome.conflict("APPLICATION_CLOSED", a.getStatus().name());
    }

    private CommandHandler.HandlerOutcome closed(Session s, CommandEnvelope c, ChangeLog changes, ApplicationStatus to) {
        Map<String, Object> m = Payloads.read(c.payload());
        SpecialDrugApplication a = s.find(SpecialDrugApplication.class, Payloads.uuid(m, "applicationId"));
        ApplicationStatus required = to == ApplicationStatus.WITHDRAWN ? ApplicationStatus.REGISTERED : ApplicationStatus.APPROVED;
        if (a == null || a.getStatus() != required) {
            return CommandHandler.HandlerOutcome.conflict(to == ApplicationStatus.WITHDRAWN ? "WITHDRAW_TOO_LATE" : "REVOKE_NOT_APPROVED",
                    a == null ? Payloads.string(m, "applicationId") : a.getStatus().name());
        }
        a.setStatus(to);
        a.setDecisionReason(Payloads.string(m, "reason"));
        return changed(s, a, c, changes, CommandHandler.HandlerOutcome.ok());
    }

    private static CommandHandler.HandlerOutcome changed(Session s, SpecialDrugApplication a, CommandEnvelope c, ChangeLog changes,
            CommandHandler.HandlerOutcome outcome) {
        s.flush();
        changes.record(s, "special_drug_application", a.getId(), a.getRowVersion(), ChangeLogEntry.Operation.UPSERT, c.nodeCode());
        return outcome;
    }

    private static Decision decisionOf(UUID id, ApplicationStatus decision, Map<String, Object> m) {
        if (decision == ApplicationStatus.APPROVED) {
            return new Decision.Approve(id, DrugPayloads.date(m, "approvedFrom"), DrugPayloads.date(m, "approvedTo"),
                    DrugPayloads.amount(m, "approvedLimit"));
        }
        return new Decision.Reject(id, RejectionReason.valueOf(Payloads.string(m, "rejectionCode")),
                Payloads.string(m, "decisionReason"));
    }

    /** Concurring means the same outcome; for approvals, also the same period and limit. */
    private static boolean sameTerms(SpecialDrugApplication a, Map<String, Object> m) {
        if (a.getStatus() != ApplicationStatus.APPROVED) {
            return true;
        }
        return Objects.equals(a.getApprovedFrom(), DrugPayloads.date(m, "approvedFrom"))
                && Objects.equals(a.getApprovedTo(), DrugPayloads.date(m, "approvedTo"))
                && a.getApprovedLimit() != null && a.getApprovedLimit().compareTo(DrugPayloads.amount(m, "approvedLimit")) == 0;
    }
}
