package cn.shebao.counter.workstation.identity;

import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.command.ChangeLog;
import cn.shebao.counter.workstation.command.ChangeLogEntry;
import cn.shebao.counter.workstation.command.CommandHandler;
import cn.shebao.counter.workstation.command.CommandRoute;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import cn.shebao.counter.workstation.wire.Payloads;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Central's side of identity and credential commands. Central decides: one live account per citizen in the
 * whole system and unique usernames. A credential that breaks either rule becomes a conflict, and its pending
 * account is removed from every replica by a tombstone, so the window that issued it sees the refusal and the
 * account that won stays the only one.
 */
public final class CredentialHandlers {

    private static final List<AccountStatus> LIVE = List.of(AccountStatus.PENDING, AccountStatus.ACTIVE, AccountStatus.LOCKED);

    private final Clock clock;

    public CredentialHandlers(Clock clock) {
        this.clock = clock;
    }

    /** The same roles the workstation's services require, checked again at central; a co-signer must have signed. */
    public List<CommandRoute> routes() {
        return List.of(
                CommandRoute.signed(CommandType.IDENTITY_CONFIRMED, CommandRoute.CLERK, null,
                        new CommandRoute.Signer("coSignerId", true, CommandRoute.SUPERVISOR), this::confirmed),
                CommandRoute.of(CommandType.CREDENTIAL_ISSUED, CommandRoute.CLERK, null, this::issued),
                CommandRoute.of(CommandType.CREDENTIAL_RESET, CommandRoute.CLERK, null, this::reset),
                CommandRoute.of(CommandType.CREDENTIAL_LOCKED, CommandRoute.CLERK_OR_SUPERVISOR, null,
                        (s, c, ch) -> status(s, c, ch, AccountStatus.LOCKED)),
                CommandRoute.of(CommandType.CREDENTIAL_UNLOCKED, CommandRoute.CLERK_OR_SUPERVISOR, null,
                        (s, c, ch) -> status(s, c, ch, AccountStatus.ACTIVE)),
                CommandRoute.of(CommandType.CREDENTIAL_REVOKED, CommandRoute.CLERK_OR_SUPERVISOR, null,
                        (s, c, ch) -> status(s, c, ch, AccountStatus.REVOKED)));
    }

    private CommandHandler.HandlerOutcome confirmed(Session s, CommandEnvelope c, ChangeLog changes) {
        IdentityConfirmation confirmation = IdentityConfirmations.fromPayload(c.payload());
        if (s.find(IdentityConfirmation.class, confirmation.getId()) != null) {
            return CommandHandler.HandlerOutcome.ok();
        }
        if (s.find(InsuredPerson.class, confirmation.getPersonId()) == null) {
            return CommandHandler.HandlerOutcome.conflict("PERSON_UNKNOWN", confirmation.getPersonId().toString());
        }
        s.persist(confirmation);
        s.flush();
        changes.record(s, "identity_confirmation", confirmation.getId(), confirmation.getRowVersion(),
                ChangeLogEntry.Operation.UPSERT, c.nodeCode());
        return CommandHandler.HandlerOutcome.ok();
    }

    private CommandHandler.HandlerOutcome issued(Session s, CommandEnvelope c, ChangeLog changes) {
        OnlineAccount account = CredentialPayloads.account(Payloads.read(c.payload()));
        if (s.find(OnlineAccount.class, account.getId()) != null) {
            return CommandHandler.HandlerOutcome.ok();
        }
        // Two windows issuing for one citizen at once, through two service instances: the citizen's row lock makes
        // the check and the insert below one step, so exactly one of them sees no live account (plain SQL: see AuditLog).
        s.createNativeMutationQuery("UPDATE insured_person SET row_version = row_version WHERE id = ?1")
                .setParameter(1, account.getPersonId()).executeUpdate();
        OnlineAccount live = s.createSelectionQuery("from OnlineAccount where personId = :p and status in (:live)",
                OnlineAccount.class).setParameter("p", account.getPersonId()).setParameterList("live", LIVE)
                .setMaxResults(1).uniqueResult();
        String refusal = null;
        if (s.find(InsuredPerson.class, account.getPersonId()) == null) {
            refusal = "PERSON_UNKNOWN";
        } else if (live != null) {
            refusal = "CREDENTIAL_ALREADY_ACTIVE";
        } else if (s.createSelectionQuery("select count(*) from OnlineAccount where username = :u", Long.class)
                .setParameter("u", account.getUsername()).getSingleResult() > 0) {
            refusal = "USERNAME_TAKEN";
        }
        if (refusal != null) {
            // The issuing replica holds the account as PENDING; the tombstone removes it there once acknowledged.
            changes.record(s, "online_account", account.getId(), 0, ChangeLogEntry.Operation.DELETE, c.nodeCode());
            return CommandHandler.HandlerOutcome.conflict(refusal, "issued=" + account.getUsername()
                    + (live == null ? "" : " existing=" + live.getUsername()));
        }
        account.setStatus(AccountStatus.PENDING);
        account.setStatusChangedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        s.persist(account);
        s.flush();
        // Activated in a second step so the row version moves past the replica's pending copy and the pull applies it.
        account.setStatus(AccountStatus.ACTIVE);
        s.flush();
        changes.record(s, "online_account", account.getId(), account.getRowVersion(), ChangeLogEntry.Operation.UPSERT,
                c.nodeCode());
        return CommandHandler.HandlerOutcome.ok();
    }

    private CommandHandler.HandlerOutcome reset(Session s, CommandEnvelope c, ChangeLog changes) {
        Map<String, Object> m = Payloads.read(c.payload());
        OnlineAccount a = s.find(OnlineAccount.class, Payloads.uuid(m, "accountId"));
        if (a == null || a.getStatus() == AccountStatus.REVOKED) {
            return CommandHandler.HandlerOutcome.conflict("ACCOUNT_NOT_LIVE", Payloads.string(m, "accountId"));
        }
        a.setPasswordHash(Payloads.string(m, "passwordHash"));
        a.setMustChangePassword(true);
        a.setPasswordExpiresAt(Payloads.instant(m, "passwordExpiresAt"));
        s.flush();
        changes.record(s, "online_account", a.getId(), a.getRowVersion(), ChangeLogEntry.Operation.UPSERT, c.nodeCode());
        return CommandHandler.HandlerOutcome.ok();
    }

    private CommandHandler.HandlerOutcome status(Session s, CommandEnvelope c, ChangeLog changes, AccountStatus to) {
        Map<String, Object> m = Payloads.read(c.payload());
        UUID id = Payloads.uuid(m, "accountId");
        OnlineAccount a = s.find(OnlineAccount.class, id);
        if (a == null || a.getStatus() == AccountStatus.REVOKED) {
            return CommandHandler.HandlerOutcome.conflict("ACCOUNT_NOT_LIVE", id.toString());
        }
        if (a.getStatus() != to) {
            a.setStatus(to);
            a.setStatusChangedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS));
            s.flush();
            changes.record(s, "online_account", a.getId(), a.getRowVersion(), ChangeLogEntry.Operation.UPSERT, c.nodeCode());
        }
        return CommandHandler.HandlerOutcome.ok();
    }
}
