package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.citizen.RegistrationStatus;
import cn.shebao.counter.workstation.citizen.SpecifiedDiseaseRegistration;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Specified-disease registrations at the window (issue 18: a drug that needs one said 请先登记 and no screen made one):
 * a clerk registers one for two years after the rules pass, and ends one early with a reason. Each is queued for
 * central in the same transaction, which checks the rules again.
 *
 * <p>Threads: any thread but the Event Dispatch Thread.
 */
public final class SpecifiedDiseases {

    /** What the clerk enters; the validity runs {@link SpecifiedDiseaseRules#VALID_YEARS} years from {@code from}. */
    public record Request(UUID personId, String diseaseCode, String diseaseName, String hospitalName, LocalDate from) {
    }

    private final SessionFactory sessions;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final Runnable commandQueued;

    public SpecifiedDiseases(SessionFactory sessions, Outbox outbox, AuditLog audit, Clock clock, TimeOrderedIds ids,
            Runnable commandQueued) {
        this.sessions = sessions;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.commandQueued = commandQueued;
    }

    /** The citizen's registrations, newest first. */
    public List<SpecifiedDiseaseRegistration> of(UUID personId) {
        return sessions.fromTransaction(s -> s.createSelectionQuery(
                "from SpecifiedDiseaseRegistration where personId = :p order by validFrom desc", SpecifiedDiseaseRegistration.class)
                .setParameter("p", personId).getResultList());
    }

    public SpecifiedDiseaseRegistration register(StaffSession clerk, Request r) {
        clerk.require(StaffRole.CLERK);
        SpecifiedDiseaseRegistration registered = sessions.fromTransaction(s -> {
            SpecifiedDiseaseRegistration reg = new SpecifiedDiseaseRegistration(nextId());
            reg.setPersonId(r.personId());
            reg.setDiseaseCode(r.diseaseCode() == null ? null : r.diseaseCode().strip().toUpperCase(Locale.ROOT));
            reg.setDiseaseName(r.diseaseName() == null ? null : r.diseaseName().strip());
            reg.setHospitalName(r.hospitalName() == null ? null : r.hospitalName().strip());
            reg.setValidFrom(r.from());
            reg.setValidTo(r.from() == null ? null : r.from().plusYears(SpecifiedDiseaseRules.VALID_YEARS).minusDays(1));
            reg.setStatus(RegistrationStatus.ACTIVE);
            reg.setRegisteredOn(LocalDate.now(clock));
            SpecifiedDiseaseRules.check(s, reg);
            s.persist(reg);
            s.flush();
            outbox.append(s, CommandType.SPECIFIED_DISEASE_REGISTERED, SpecifiedDiseasePayloads.registered(reg, clerk.userId()),
                    "specified_disease_registration", reg.getId(), clerk.userId(), clerk.username());
            audited(s, clerk, reg, "disease.registered", reg.getDiseaseCode());
            return reg;
        });
        commandQueued.run();
        return registered;
    }

    /** Ends an active registration on {@code lastDay} (today or later, within its validity) for the reason given. */
    public void end(StaffSession clerk, UUID registrationId, LocalDate lastDay, String reason) {
        clerk.require(StaffRole.CLERK);
        if (reason == null || reason.isBlank()) {
            throw new LocalizedException("drug.error.reasonRequired");
        }
        sessions.inTransaction(s -> {
            SpecifiedDiseaseRegistration reg = s.find(SpecifiedDiseaseRegistration.class, registrationId);
            if (reg == null || reg.getStatus() != RegistrationStatus.ACTIVE) {
                throw new LocalizedException("disease.error.notActive");
            }
            if (lastDay.isBefore(reg.getValidFrom()) || lastDay.isAfter(reg.getValidTo())) {
                throw new LocalizedException("disease.error.endDate", reg.getValidFrom().toString(), reg.getValidTo().toString());
            }
            reg.setStatus(RegistrationStatus.CANCELLED);
            reg.setValidTo(lastDay);
            s.flush();
            outbox.append(s, CommandType.SPECIFIED_DISEASE_ENDED, SpecifiedDiseasePayloads.ended(reg, clerk.userId(), reason.strip()),
                    "specified_disease_registration", reg.getId(), clerk.userId(), clerk.username());
            audited(s, clerk, reg, "disease.ended", reason.strip());
        });
        commandQueued.run();
    }

    private void audited(Session s, StaffSession staff, SpecifiedDiseaseRegistration r, String action, String detail) {
        audit.append(s, new AuditEntry(staff.userId(), staff.username(), action, "SpecifiedDiseaseRegistration", r.getId().toString(),
                null, detail));
    }

    private UUID nextId() {
        synchronized (ids) {
            return ids.next();
        }
    }
}
