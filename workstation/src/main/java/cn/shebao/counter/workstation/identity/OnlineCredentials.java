package cn.shebao.counter.workstation.identity;

import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditEvent;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.command.OutboxCommand;
import cn.shebao.counter.workstation.command.OutboxState;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.wire.Payloads;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The citizen's online-service account: issued after a confirmation, one active account per citizen, the
 * initial password random and kept only as a PBKDF2 hash, valid for 30 days and to be changed at first login.
 * Issued here it is PENDING until central accepts it (central checks the whole system: another window may have
 * issued one meanwhile, or taken the username). Every change is a command for central and an audit row.
 */
public final class OnlineCredentials {

    public static final Duration PASSWORD_VALIDITY = Duration.ofDays(30);
    private static final List<AccountStatus> LIVE = List.of(AccountStatus.PENDING, AccountStatus.ACTIVE, AccountStatus.LOCKED);

    /** The citizen's current account and what happened to it, newest first. */
    public record AccountView(Optional<OnlineAccount> current, List<OnlineAccount> all, List<AuditEvent> history,
            List<RejectedIssue> rejected) {
    }

    /** A credential issued here that central refused (another window issued one first, or the name was taken). */
    public record RejectedIssue(UUID accountId, String username, String reason, Instant issuedAt) {
    }

    private final SessionFactory sessions;
    private final IdentityConfirmations confirmations;
    private final PasswordHasher hasher;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final IssuingGuardrail guardrail;
    private final Runnable commandQueued;
    private final InitialPasswords passwords = new InitialPasswords(new SecureRandom());
    private final Usernames usernames = new Usernames(new SecureRandom());

    public OnlineCredentials(SessionFactory sessions, IdentityConfirmations confirmations, PasswordHasher hasher, Outbox outbox,
            AuditLog audit, Clock clock, TimeOrderedIds ids, IssuingGuardrail guardrail, Runnable commandQueued) {
        this.sessions = sessions;
        this.confirmations = confirmations;
        this.hasher = hasher;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.guardrail = guardrail;
        this.commandQueued = commandQueued;
        outbox.compensateConflicts(CommandType.CREDENTIAL_ISSUED, this::refusedByCentral);
    }

    /** Central refused a credential issued here: the pending account goes; the outbox keeps why, the audit that it went. */
    private void refusedByCentral(Session s, OutboxCommand command) {
        OnlineAccount a = s.find(OnlineAccount.class, command.getSubjectId());
        if (a != null && a.getStatus() == AccountStatus.PENDING) {
            s.remove(a);
            audit.append(s, new AuditEntry(null, "system", "credential.refusedByCentral", "OnlineAccount", a.getId().toString(),
                    null, command.getResultDetail()));
        }
    }

    /** A free username to offer when the citizen has no wish of their own. */
    public String suggestUsername() {
        for (int i = 0; i < 20; i++) {
            String candidate = usernames.suggestion();
            if (!taken(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free username after 20 random tries");
    }

    public IssuedCredential issue(StaffSession clerk, UUID personId, UUID confirmationId, PermissionScope scope,
            String requestedUsername) {
        clerk.require(StaffRole.CLERK);
        guardrail.check();
        confirmations.requireRecent(confirmationId, personId);
        String username = Usernames.checked(requestedUsername);
        char[] password = passwords.next();
        String hash = hasher.hash(password); // about half a second: outside the transaction
        try {
            IssuedCredential issued = sessions.fromTransaction(s -> {
                OnlineAccount live = live(s, personId);
                if (live != null) {
                    throw new LocalizedException("credential.error.alreadyHasAccount", live.getUsername());
                }
                if (taken(s, username)) {
                    throw new LocalizedException("credential.error.usernameTaken", username);
                }
                Instant now = now();
                OnlineAccount a = new OnlineAccount(nextId());
                a.setPersonId(personId);
                a.setUsername(username);
                a.setPasswordHash(hash);
                a.setMustChangePassword(true);
                a.setPermissionScope(scope);
                a.setStatus(AccountStatus.PENDING);
                a.setIssuedBy(clerk.userId());
                a.setIssuedAt(now);
                a.setPasswordExpiresAt(now.plus(PASSWORD_VALIDITY));
                a.setStatusChangedAt(now);
                s.persist(a);
                s.flush();
                outbox.append(s, CommandType.CREDENTIAL_ISSUED, CredentialPayloads.issued(a, confirmationId), "online_account",
                        a.getId(), clerk.userId(), clerk.username());
                audited(s, clerk, a, "credential.issued", scope.name() + " confirmation " + confirmationId);
                return new IssuedCredential(a.getId(), personId, username, password, scope, a.getPasswordExpiresAt(), false);
            });
            commandQueued.run();
            return issued;
        } catch (RuntimeException e) {
            Arrays.fill(password, '\0');
            throw e;
        }
    }

    /** A new initial password; needs a confirmation made after the current password was set. */
    public IssuedCredential resetPassword(StaffSession clerk, UUID accountId, UUID confirmationId) {
        clerk.require(StaffRole.CLERK);
        OnlineAccount before = sessions.fromTransaction(s -> s.find(OnlineAccount.class, accountId));
        if (before == null || before.getStatus() == AccountStatus.REVOKED) {
            throw new LocalizedException("credential.error.noAccount");
        }
        IdentityConfirmation confirmation = confirmations.requireRecent(confirmationId, before.getPersonId());
        // A citizen who changed the initial password on the portal has no expiry: the counter last set it at issue.
        Instant passwordSet = before.getPasswordExpiresAt() == null ? before.getIssuedAt()
                : before.getPasswordExpiresAt().minus(PASSWORD_VALIDITY);
        if (!confirmation.getConfirmedAt().isAfter(passwordSet)) {
            throw new LocalizedException("credential.error.newConfirmationNeeded");
        }
        char[] password = passwords.next();
        String hash = hasher.hash(password);
        try {
            IssuedCredential issued = sessions.fromTransaction(s -> {
                OnlineAccount a = s.find(OnlineAccount.class, accountId);
                Instant now = now();
                a.setPasswordHash(hash);
                a.setMustChangePassword(true);
                a.setPasswordExpiresAt(now.plus(PASSWORD_VALIDITY));
                s.flush();
                outbox.append(s, CommandType.CREDENTIAL_RESET, CredentialPayloads.reset(a, confirmationId), "online_account",
                        a.getId(), clerk.userId(), clerk.username());
                audited(s, clerk, a, "credential.reset", "confirmation " + confirmationId);
                return new IssuedCredential(a.getId(), a.getPersonId(), a.getUsername(), password, a.getPermissionScope(),
                        a.getPasswordExpiresAt(), true);
            });
            commandQueued.run();
            return issued;
        } catch (RuntimeException e) {
            Arrays.fill(password, '\0');
            throw e;
        }
    }

    public void lock(StaffSession clerk, UUID accountId, String reason) {
        change(clerk, accountId, AccountStatus.LOCKED, CommandType.CREDENTIAL_LOCKED, reason,
                List.of(AccountStatus.ACTIVE, AccountStatus.PENDING));
    }

    public void unlock(StaffSession clerk, UUID accountId) {
        change(clerk, accountId, AccountStatus.ACTIVE, CommandType.CREDENTIAL_UNLOCKED, null, List.of(AccountStatus.LOCKED));
    }

    /** Final: the citizen needs a new account (and a new confirmation) afterwards. */
    public void revoke(StaffSession clerk, UUID accountId, String reason) {
        change(clerk, accountId, AccountStatus.REVOKED, CommandType.CREDENTIAL_REVOKED, reason, LIVE);
    }

    private void change(StaffSession clerk, UUID accountId, AccountStatus to, CommandType type, String reason,
            List<AccountStatus> allowedFrom) {
        clerk.require(StaffRole.CLERK, StaffRole.SUPERVISOR);
        if (to != AccountStatus.ACTIVE && (reason == null || reason.isBlank())) {
            throw new LocalizedException("credential.error.reasonRequired");
        }
        sessions.inTransaction(s -> {
            OnlineAccount a = s.find(OnlineAccount.class, accountId);
            if (a == null || !allowedFrom.contains(a.getStatus())) {
                throw new LocalizedException("credential.error.wrongStatus", a == null ? "-" : a.getStatus().name());
            }
            a.setStatus(to);
            a.setStatusChangedAt(now());
            s.flush();
            outbox.append(s, type, CredentialPayloads.statusChange(a, to, reason), "online_account", a.getId(), clerk.userId(),
                    clerk.username());
            audited(s, clerk, a, "credential." + type.name().substring("CREDENTIAL_".length()).toLowerCase(Locale.ROOT),
                    reason);
        });
        commandQueued.run();
    }

    /** The citizen's account, its history at this workstation, and credentials central refused. */
    public AccountView accountOf(UUID personId) {
        return sessions.fromTransaction(s -> {
            List<OnlineAccount> all = s.createSelectionQuery("from OnlineAccount where personId = :p order by issuedAt desc",
                    OnlineAccount.class).setParameter("p", personId).getResultList();
            List<String> ids = all.stream().map(a -> a.getId().toString()).toList();
            List<AuditEvent> history = ids.isEmpty() ? List.of() : s.createSelectionQuery(
                    "from AuditEvent where subjectType = 'OnlineAccount' and subjectId in (:ids) order by sequenceNumber desc",
                    AuditEvent.class).setParameterList("ids", ids).getResultList();
            Optional<OnlineAccount> current = all.stream().filter(a -> LIVE.contains(a.getStatus())).findFirst();
            return new AccountView(current, all, history, rejected(s, personId));
        });
    }

    /**
     * Credentials issued here that central refused: their commands were acknowledged as conflicts and central
     * removed the pending account. Read from this workstation's outbox, which keeps the answer.
     */
    private static List<RejectedIssue> rejected(Session s, UUID personId) {
        List<OutboxCommand> refused = s.createSelectionQuery(
                "from OutboxCommand where commandType = :t and state = :c order by sequenceNumber desc", OutboxCommand.class)
                .setParameter("t", CommandType.CREDENTIAL_ISSUED).setParameter("c", OutboxState.CONFLICT).getResultList();
        List<RejectedIssue> mine = new ArrayList<>();
        for (OutboxCommand c : refused) {
            Map<String, Object> payload = Payloads.read(c.getPayload());
            if (personId.toString().equals(payload.get("personId"))) {
                mine.add(new RejectedIssue(c.getSubjectId(), (String) payload.get("username"), c.getResultDetail(), c.getCreatedAt()));
            }
        }
        return mine;
    }

    private OnlineAccount live(Session s, UUID personId) {
        return s.createSelectionQuery("from OnlineAccount where personId = :p and status in (:live)", OnlineAccount.class)
                .setParameter("p", personId).setParameterList("live", LIVE).setMaxResults(1).uniqueResult();
    }

    private boolean taken(String username) {
        return sessions.fromTransaction(s -> taken(s, username));
    }

    private static boolean taken(Session s, String username) {
        return s.createSelectionQuery("select count(*) from OnlineAccount where username = :u", Long.class)
                .setParameter("u", username).getSingleResult() > 0;
    }

    private void audited(Session s, StaffSession clerk, OnlineAccount a, String action, String detail) {
        audit.append(s, new AuditEntry(clerk.userId(), clerk.username(), action, "OnlineAccount", a.getId().toString(),
                "WINDOW_WITH_ID", detail));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private UUID nextId() {
        synchronized (ids) {
            return ids.next();
        }
    }
}
