package cn.shebao.counter.workstation.identity;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
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
import cn.shebao.counter.workstation.wire.Payloads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Confirms that the person at the window is the insured person: by the ID card on the reader (checked against
 * the record, the face compared with the card photo by the clerk), or by hand when the reader or the card
 * fails (the number typed, a copy of the card taken, a supervisor co-signing with their own password). Every
 * attempt, refused ones too, is recorded without the photo, queued for central and audited.
 */
public final class IdentityConfirmations {

    /** How long a confirmation allows credential work for the citizen still at the window. */
    public static final Duration VALID_FOR = Duration.ofMinutes(30);

    /** What the clerk saw when comparing the face with the card. */
    public enum FaceCheck { MATCHES, PHOTO_NOT_DECODABLE, DIFFERS }

    private final SessionFactory sessions;
    private final StaffAuthenticator authenticator;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final String workstationCode;

    public IdentityConfirmations(SessionFactory sessions, StaffAuthenticator authenticator, Outbox outbox, AuditLog audit,
            Clock clock, TimeOrderedIds ids, String workstationCode) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.workstationCode = workstationCode;
    }

    /** Compares the card with the record without recording anything, for the screen that shows both. */
    public CardCheck check(UUID personId, IdCard card) {
        InsuredPerson person = sessions.fromTransaction(s -> s.find(InsuredPerson.class, personId));
        if (person == null) {
            throw new LocalizedException("citizen.error.notFound");
        }
        return IdentityChecks.check(card, person, LocalDate.now(clock));
    }

    /**
     * Records the clerk's decision on a card. The card rules run again here; a card that fails them, or a face
     * that differs, is recorded as refused and the refusal is returned (not thrown): it is a fact to keep.
     */
    public IdentityConfirmation confirmByCard(StaffSession clerk, UUID personId, IdCard card, FaceCheck face) {
        clerk.require(StaffRole.CLERK);
        return sessions.fromTransaction(s -> {
            InsuredPerson person = person(s, personId);
            CardCheck check = IdentityChecks.check(card, person, LocalDate.now(clock));
            IdentityConfirmation c = newConfirmation(personId, ConfirmationMethod.CARD, clerk);
            c.setCardName(card.name());
            c.setCardCitizenIdNumber(card.idNumber());
            c.setCardBirthDate(card.birthDate());
            c.setCardAddress(card.address());
            c.setCardIssuingAuthority(card.issuingAuthority());
            c.setCardValidFrom(card.validFrom());
            c.setCardValidTo(card.validTo());
            c.setCardType(card.type().name());
            if (!check.passed()) {
                refuse(c, check.reasonCode());
            } else if (face == FaceCheck.DIFFERS) {
                refuse(c, "FACE_DIFFERS");
            } else {
                c.setResult(ConfirmationResult.CONFIRMED);
                c.setRefusalReason(face == FaceCheck.PHOTO_NOT_DECODABLE ? "PHOTO_NOT_DECODABLE" : null);
            }
            return record(s, c, clerk);
        });
    }

    /**
     * The manual path: the clerk typed the number from the card (or its copy) and took a copy; a supervisor
     * co-signs with their own password. The clerk's own password, or a non-supervisor's, is refused.
     */
    public IdentityConfirmation confirmManually(StaffSession clerk, UUID personId, String typedIdNumber, boolean copyTaken,
            String coSignerUsername, char[] coSignerPassword) {
        clerk.require(StaffRole.CLERK);
        if (!copyTaken) {
            throw new LocalizedException("identity.error.copyRequired");
        }
        String typed = CitizenIdNumber.parse(typedIdNumber).value(); // throws with the reason when mistyped
        InsuredPerson person = sessions.fromTransaction(s -> person(s, personId));
        if (!typed.equals(person.getCitizenIdNumber())) {
            throw new LocalizedException("identity.error.typedOtherNumber", CitizenIdNumber.mask(typed));
        }
        StaffSession coSigner = coSign(clerk, coSignerUsername, coSignerPassword);
        // The co-signer's own key, unlocked by the password just typed: central refuses a co-sign it cannot verify.
        CommandSigner signer = new CommandSigner(coSigner.userId(),
                sessions.fromTransaction(s -> StaffSigningKey.unlock(s, coSigner.userId(), coSignerPassword)));
        return sessions.fromTransaction(s -> {
            IdentityConfirmation c = newConfirmation(personId, ConfirmationMethod.MANUAL, clerk);
            c.setCardName(person.getName());
            c.setCardCitizenIdNumber(typed);
            c.setCardBirthDate(person.getBirthDate());
            c.setCoSignerId(coSigner.userId());
            c.setCopyTaken(true);
            c.setResult(ConfirmationResult.CONFIRMED);
            return record(s, c, clerk, signer);
        });
    }

    /** The latest confirmation of this person still valid now, for credential work; refused ones never count. */
    public IdentityConfirmation requireRecent(UUID confirmationId, UUID personId) {
        IdentityConfirmation c = sessions.fromTransaction(s -> s.find(IdentityConfirmation.class, confirmationId));
        if (c == null || !c.getPersonId().equals(personId) || c.getResult() != ConfirmationResult.CONFIRMED) {
            throw new LocalizedException("identity.error.notConfirmed");
        }
        if (c.getConfirmedAt().plus(VALID_FOR).isBefore(clock.instant())) {
            throw new LocalizedException("identity.error.confirmationExpired", VALID_FOR.toMinutes());
        }
        return c;
    }

    private StaffSession coSign(StaffSession clerk, String username, char[] password) {
        LoginOutcome outcome = authenticator.login(username, password);
        if (outcome instanceof LoginOutcome.Locked locked) {
            throw new LocalizedException("identity.error.coSignerLocked");
        }
        if (!(outcome instanceof LoginOutcome.Success success)) {
            throw new LocalizedException("identity.error.coSignerWrong");
        }
        StaffSession coSigner = success.session();
        if (coSigner.userId().equals(clerk.userId())) {
            throw new LocalizedException("identity.error.coSignerSelf");
        }
        if (!coSigner.has(StaffRole.SUPERVISOR)) {
            throw new LocalizedException("identity.error.coSignerNotSupervisor");
        }
        return coSigner;
    }

    private IdentityConfirmation newConfirmation(UUID personId, ConfirmationMethod method, StaffSession clerk) {
        UUID id;
        synchronized (ids) {
            id = ids.next();
        }
        IdentityConfirmation c = new IdentityConfirmation(id);
        c.setPersonId(personId);
        c.setMethod(method);
        c.setClerkId(clerk.userId());
        c.setWorkstationCode(workstationCode);
        c.setConfirmedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return c;
    }

    private static void refuse(IdentityConfirmation c, String reason) {
        c.setResult(ConfirmationResult.REFUSED);
        c.setRefusalReason(reason);
    }

    private IdentityConfirmation record(Session s, IdentityConfirmation c, StaffSession clerk) {
        return record(s, c, clerk, null);
    }

    private IdentityConfirmation record(Session s, IdentityConfirmation c, StaffSession clerk, CommandSigner coSigner) {
        s.persist(c);
        s.flush();
        outbox.append(s, CommandType.IDENTITY_CONFIRMED, payload(c), "identity_confirmation", c.getId(), clerk.userId(),
                clerk.username(), coSigner);
        audit.append(s, new AuditEntry(clerk.userId(), clerk.username(), "identity." + c.getMethod().name().toLowerCase()
                + "." + c.getResult().name().toLowerCase(), "InsuredPerson", c.getPersonId().toString(),
                c.getMethod() == ConfirmationMethod.CARD ? "CARD_PRESENTED" : "WINDOW_WITH_ID",
                c.getRefusalReason() == null ? null : c.getRefusalReason()));
        return c;
    }

    private static InsuredPerson person(Session s, UUID personId) {
        InsuredPerson p = s.find(InsuredPerson.class, personId);
        if (p == null) {
            throw new LocalizedException("citizen.error.notFound");
        }
        return p;
    }

    static String payload(IdentityConfirmation c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.getId().toString());
        m.put("personId", c.getPersonId().toString());
        m.put("method", c.getMethod().name());
        m.put("cardName", c.getCardName());
        m.put("cardCitizenIdNumber", c.getCardCitizenIdNumber());
        m.put("cardBirthDate", Payloads.text(c.getCardBirthDate()));
        m.put("cardAddress", c.getCardAddress());
        m.put("cardIssuingAuthority", c.getCardIssuingAuthority());
        m.put("cardValidFrom", Payloads.text(c.getCardValidFrom()));
        m.put("cardValidTo", Payloads.text(c.getCardValidTo()));
        m.put("cardType", c.getCardType());
        m.put("result", c.getResult().name());
        m.put("refusalReason", c.getRefusalReason());
        m.put("clerkId", c.getClerkId().toString());
        m.put("coSignerId", Payloads.text(c.getCoSignerId()));
        m.put("copyTaken", c.getCopyTaken());
        m.put("workstationCode", c.getWorkstationCode());
        m.put("confirmedAt", c.getConfirmedAt().toString());
        return Payloads.write(m);
    }

    static IdentityConfirmation fromPayload(String json) {
        Map<String, Object> m = Payloads.read(json);
        IdentityConfirmation c = new IdentityConfirmation(Payloads.uuid(m, "id"));
        c.setPersonId(Payloads.uuid(m, "personId"));
        c.setMethod(ConfirmationMethod.valueOf(Payloads.string(m, "method")));
        c.setCardName(Payloads.string(m, "cardName"));
        c.setCardCitizenIdNumber(Payloads.string(m, "cardCitizenIdNumber"));
        c.setCardBirthDate(date(m, "cardBirthDate"));
        c.setCardAddress(Payloads.string(m, "cardAddress"));
        c.setCardIssuingAuthority(Payloads.string(m, "cardIssuingAuthority"));
        c.setCardValidFrom(date(m, "cardValidFrom"));
        c.setCardValidTo(date(m, "cardValidTo"));
        c.setCardType(Payloads.string(m, "cardType"));
        c.setResult(ConfirmationResult.valueOf(Payloads.string(m, "result")));
        c.setRefusalReason(Payloads.string(m, "refusalReason"));
        c.setClerkId(Payloads.uuid(m, "clerkId"));
        c.setCoSignerId(Payloads.uuid(m, "coSignerId"));
        c.setCopyTaken((Boolean) m.get("copyTaken"));
        c.setWorkstationCode(Payloads.string(m, "workstationCode"));
        c.setConfirmedAt(Instant.parse(Payloads.string(m, "confirmedAt")));
        return c;
    }

    private static LocalDate date(Map<String, Object> m, String field) {
        String v = Payloads.string(m, field);
        return v == null ? null : LocalDate.parse(v);
    }
}
