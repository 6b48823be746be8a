package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.command.CommandSigner;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.security.LoginOutcome;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.security.StaffSigningKey;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Special-drug applications: a clerk registers one after the rules pass (medical insurance in force, the drug
 * indicated for the diagnosis or a justification written, no overlapping approval of the same drug, the
 * specified-disease registration the drug requires); a supervisor who did not register it decides, after
 * entering their password again. Decisions are final except a supervisor's documented revoke.
 */
public final class DrugApplications {

    /** One line of the supervisors' worklist. */
    public record Pending(SpecialDrugApplication application, String drugName, String personName, Duration age) {
    }

    /** One of the citizen's applications with the drug's name and who decided it. */
    public record Line(SpecialDrugApplication application, String drugName, String specification, String decidedByName) {
    }

    private final SessionFactory sessions;
    private final StaffAuthenticator authenticator;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final Runnable commandQueued;

    public DrugApplications(SessionFactory sessions, StaffAuthenticator authenticator, Outbox outbox, AuditLog audit, Clock clock,
            TimeOrderedIds ids, Runnable commandQueued) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.commandQueued = commandQueued;
    }

    public SpecialDrugApplication register(StaffSession clerk, RegistrationRequest r) {
        clerk.require(StaffRole.CLERK);
        SpecialDrugApplication registered = sessions.fromTransaction(s -> {
            SpecialDrugApplication a = new SpecialDrugApplication(nextId());
            a.setPersonId(r.personId());
            a.setDrugId(r.drugId());
            a.setDiagnosisCode(r.diagnosisCode() == null ? null : r.diagnosisCode().strip().toUpperCase(Locale.ROOT));
            a.setHospitalName(r.hospitalName() == null ? null : r.hospitalName().strip());
            a.setPrescribingDoctor(r.prescribingDoctor() == null ? null : r.prescribingDoctor().strip());
            a.setPlannedFrom(r.plannedFrom());
            a.setPlannedTo(r.plannedTo());
            a.setIndicationJustification(blank(r.justification()) ? null : r.justification().strip());
            a.setDiagnosisCertificateReceived(r.diagnosisCertificateReceived());
            a.setPrescriptionReceived(r.prescriptionReceived());
            a.setTestReportsReceived(r.testReportsReceived());
            a.setStatus(ApplicationStatus.REGISTERED);
            a.setRegisteredBy(clerk.userId());
            a.setRegisteredAt(now());
            SpecialDrug drug = RegistrationRules.check(s, a);
            s.persist(a);
            s.flush();
            outbox.append(s, CommandType.DRUG_APPLICATION_REGISTERED, DrugPayloads.registered(a), "special_drug_application",
                    a.getId(), clerk.userId(), clerk.username());
            audited(s, clerk, a, "drug.registered", drug.getDrugCode() + " " + a.getDiagnosisCode());
            return a;
        });
        commandQueued.run();
        return registered;
    }

    public void withdraw(StaffSession clerk, UUID applicationId, String reason) {
        clerk.require(StaffRole.CLERK);
        if (blank(reason)) {
            throw new LocalizedException("drug.error.reasonRequired");
        }
        sessions.inTransaction(s -> {
            SpecialDrugApplication a = existing(s, applicationId);
            if (a.getStatus() != ApplicationStatus.REGISTERED) {
                throw new LocalizedException("drug.error.notPending", a.getStatus().name());
            }
            a.setStatus(ApplicationStatus.WITHDRAWN);
            a.setDecisionReason(reason.strip());
            s.flush();
            outbox.append(s, CommandType.DRUG_APPLICATION_WITHDRAWN, DrugPayloads.statusChange(a, clerk.userId().toString(),
                    reason.strip()), "special_drug_application", a.getId(), clerk.userId(), clerk.username());
            audited(s, clerk, a, "drug.withdrawn", reason.strip());
        });
        commandQueued.run();
    }

    /**
     * Decides one or more applications after the supervisor entered their password again. Each is checked on
     * its own: none may have been registered by this supervisor, and each must still be undecided (or disputed).
     * All are decided in one transaction, or none.
     */
    public void decide(StaffSession supervisor, char[] password, List<Decision> decisions) {
        supervisor.require(StaffRole.SUPERVISOR);
        reauthenticate(supervisor, password);
        CommandSigner signer = signer(supervisor, password);
        sessions.inTransaction(s -> {
            for (Decision d : decisions) {
                SpecialDrugApplication a = existing(s, d.applicationId());
                if (a.getRegisteredBy().equals(supervisor.userId())) {
                    throw new LocalizedException("drug.error.ownApplication");
                }
                if (a.getStatus() != ApplicationStatus.REGISTERED && a.getStatus() != ApplicationStatus.DISPUTED) {
                    throw new LocalizedException("drug.error.alreadyDecided", a.getStatus().name());
                }
                SpecialDrug drug = s.find(SpecialDrug.class, a.getDrugId());
                apply(s, a, d, drug, supervisor.userId(), now());
                s.flush();
                outbox.append(s, CommandType.DRUG_APPLICATION_DECIDED, DrugPayloads.decided(a), "special_drug_application",
                        a.getId(), supervisor.userId(), supervisor.username(), signer);
                audited(s, supervisor, a, "drug." + a.getStatus().name().toLowerCase(Locale.ROOT), a.getDecisionReason());
            }
        });
        commandQueued.run();
    }

    /** The one exception to final decisions: a supervisor revokes an approval, saying why. */
    public void revoke(StaffSession supervisor, char[] password, UUID applicationId, String reason) {
        supervisor.require(StaffRole.SUPERVISOR);
        if (blank(reason)) {
            throw new LocalizedException("drug.error.reasonRequired");
        }
        reauthenticate(supervisor, password);
        CommandSigner signer = signer(supervisor, password);
        sessions.inTransaction(s -> {
            SpecialDrugApplication a = existing(s, applicationId);
            if (a.getStatus() != ApplicationStatus.APPROVED) {
                throw new LocalizedException("drug.error.notApproved", a.getStatus().name());
            }
            a.setStatus(ApplicationStatus.REVOKED);
            a.setDecisionReason(reason.strip());
            s.flush();
            outbox.append(s, CommandType.DRUG_APPROVAL_REVOKED, DrugPayloads.statusChange(a, supervisor.userId().toString(),
                    reason.strip()), "special_drug_application", a.getId(), supervisor.userId(), supervisor.username(), signer);
            audited(s, supervisor, a, "drug.revoked", reason.strip());
        });
        commandQueued.run();
    }

    /**
     * Applied here and centrally, so both sides set the same fields the same way. Checks the decision first (an
     * approval also against the other approvals in force) and only then changes the application: a refused
     * decision leaves it as it was.
     */
    static void apply(Session s, SpecialDrugApplication a, Decision d, SpecialDrug drug, UUID by, Instant at) {
        if (d instanceof Decision.Approve approve) {
            if (approve.validFrom() == null || approve.validTo() == null || approve.validTo().isBefore(approve.validFrom())) {
                throw new LocalizedException("drug.error.period");
            }
            BigDecimal limit = approve.limit();
            if (limit == null || limit.signum() <= 0 || limit.compareTo(drug.getReimbursementLimit()) > 0) {
                throw new LocalizedException("drug.error.limit", drug.getReimbursementLimit().toPlainString());
            }
            RegistrationRules.requireNoOverlappingApproval(s, a, approve.validFrom(), approve.validTo(), drug);
        } else if (d instanceof Decision.Reject reject) {
            if (reject.reason() == null || (reject.reason() == RejectionReason.OTHER && blank(reject.text()))) {
                throw new LocalizedException("drug.error.rejectionReason");
            }
        }
        a.setDecidedBy(by);
        a.setDecidedAt(at);
        if (d instanceof Decision.Approve approve) {
            a.setStatus(ApplicationStatus.APPROVED);
            a.setApprovedFrom(approve.validFrom());
            a.setApprovedTo(approve.validTo());
            a.setApprovedLimit(approve.limit());
            a.setRejectionCode(null);
            a.setDecisionReason(null);
        } else if (d instanceof Decision.Reject reject) {
            a.setStatus(ApplicationStatus.REJECTED);
            a.setRejectionCode(reject.reason().name());
            a.setDecisionReason(blank(reject.text()) ? null : reject.text().strip());
            a.setApprovedFrom(null);
            a.setApprovedTo(null);
            a.setApprovedLimit(null);
        }
    }

    public List<Line> applicationsOf(UUID personId) {
        return sessions.fromTransaction(s -> s.createSelectionQuery(
                "select a, d.name, d.specification, (select u.displayName from StaffUser u where u.id = a.decidedBy)"
                        + " from SpecialDrugApplication a, SpecialDrug d where d.id = a.drugId"
                        + " and a.personId = :p order by a.registeredAt desc", Object[].class)
                .setParameter("p", personId).getResultList().stream()
                .map(r -> new Line((SpecialDrugApplication) r[0], (String) r[1], (String) r[2], (String) r[3])).toList());
    }

    /** Undecided and disputed applications, oldest first, optionally only those older than some days. */
    public List<Pending> worklist(StaffSession supervisor, int olderThanDays) {
        return worklist(supervisor, olderThanDays, false);
    }

    /** The worklist; with {@code withApproved} also the approvals in force, which a supervisor may revoke. */
    public List<Pending> worklist(StaffSession supervisor, int olderThanDays, boolean withApproved) {
        supervisor.require(StaffRole.SUPERVISOR);
        Instant now = clock.instant();
        Instant before = now.minus(Duration.ofDays(Math.max(0, olderThanDays)));
        return sessions.fromTransaction(s -> s.createSelectionQuery(
                "select a, d.name, p.name from SpecialDrugApplication a, SpecialDrug d, InsuredPerson p"
                        + " where d.id = a.drugId and p.id = a.personId and a.status in (:open) and a.registeredAt <= :before"
                        + " order by a.registeredAt", Object[].class)
                .setParameterList("open", withApproved
                        ? List.of(ApplicationStatus.REGISTERED, ApplicationStatus.DISPUTED, ApplicationStatus.APPROVED)
                        : List.of(ApplicationStatus.REGISTERED, ApplicationStatus.DISPUTED))
                .setParameter("before", before).setMaxResults(500).getResultList().stream()
                .map(r -> {
                    SpecialDrugApplication a = (SpecialDrugApplication) r[0];
                    return new Pending(a, (String) r[1], (String) r[2], Duration.between(a.getRegisteredAt(), now));
                }).toList());
    }

    private void reauthenticate(StaffSession supervisor, char[] password) {
        LoginOutcome outcome = authenticator.reauthenticate(supervisor, password);
        if (!(outcome instanceof LoginOutcome.Success)) {
            throw new LocalizedException(outcome instanceof LoginOutcome.Locked ? "drug.error.locked" : "drug.error.password");
        }
    }



    /**
     * The supervisor's own signing key, unlocked by the password just entered (outside the writing transaction:
     * the key derivation is slow on purpose); central refuses a decision without this person's signature.
     */
    private CommandSigner signer(StaffSession supervisor, char[] password) {
        return new CommandSigner(supervisor.userId(),
                sessions.fromTransaction(s -> StaffSigningKey.unlock(s, supervisor.userId(), password)));
    }

    private static SpecialDrugApplication existing(Session s, UUID id) {
        SpecialDrugApplication a = s.find(SpecialDrugApplication.class, id);
        if (a == null) {
            throw new LocalizedException("drug.error.unknownApplication");
        }
        return a;
    }

    private void audited(Session s, StaffSession staff, SpecialDrugApplication a, String action, String detail) {
        audit.append(s, new AuditEntry(staff.userId(), staff.username(), action, "SpecialDrugApplication", a.getId().toString(),
                null, detail));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private UUID nextId() {
        synchronized (ids) {
            return ids.next();
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
