package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.command.CommandSigner;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.command.SyncConflict;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.security.LoginOutcome;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.security.StaffSigningKey;
import cn.shebao.counter.workstation.wire.Payloads;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;

/**
 * The supervisors' queue of conflicts central found, as replicated to this workstation. A supervisor resolves
 * one with a note saying what was done (the citizen called back, the other account kept, a credential
 * re-issued); the resolution is a command, so central and every other window learn of it.
 */
public final class ConflictQueue {

    private final SessionFactory sessions;
    private final StaffAuthenticator authenticator;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final Runnable commandQueued;

    public ConflictQueue(SessionFactory sessions, StaffAuthenticator authenticator, Outbox outbox, AuditLog audit, Clock clock,
            Runnable commandQueued) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.commandQueued = commandQueued;
    }

    public List<SyncConflict> open() {
        return sessions.fromTransaction(s -> s.createSelectionQuery("from SyncConflict where status = :o order by createdAt",
                SyncConflict.class).setParameter("o", SyncConflict.OPEN).getResultList());
    }

    public long openCount() {
        return sessions.fromTransaction(s -> s.createSelectionQuery("select count(*) from SyncConflict where status = :o",
                Long.class).setParameter("o", SyncConflict.OPEN).getSingleResult());
    }

    /**
     * Resolves one conflict after the supervisor entered their password again: the resolution is signed with their
     * own key, which central verifies, so no workstation can close a conflict in a supervisor's name.
     */
    public void resolve(StaffSession supervisor, char[] password, UUID conflictId, String note) {
        supervisor.require(StaffRole.SUPERVISOR);
        if (note == null || note.isBlank()) {
            throw new LocalizedException("conflict.error.noteRequired");
        }
        String trimmed = note.strip().length() > 500 ? note.strip().substring(0, 500) : note.strip();
        LoginOutcome outcome = authenticator.reauthenticate(supervisor, password);
        if (!(outcome instanceof LoginOutcome.Success)) {
            throw new LocalizedException(outcome instanceof LoginOutcome.Locked ? "drug.error.locked" : "drug.error.password");
        }
        CommandSigner signer = new CommandSigner(supervisor.userId(),
                sessions.fromTransaction(s -> StaffSigningKey.unlock(s, supervisor.userId(), password)));
        sessions.inTransaction(s -> {
            SyncConflict c = s.find(SyncConflict.class, conflictId);
            if (c == null || !SyncConflict.OPEN.equals(c.getStatus())) {
                throw new LocalizedException("conflict.error.notOpen");
            }
            c.resolve(supervisor.userId(), clock.instant().truncatedTo(ChronoUnit.MILLIS), trimmed);
            s.flush();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("conflictId", conflictId.toString());
            payload.put("resolvedBy", supervisor.userId().toString());
            payload.put("resolvedAt", c.getResolvedAt().toString());
            payload.put("resolution", trimmed);
            outbox.append(s, CommandType.CONFLICT_RESOLVED, Payloads.write(payload), "sync_conflict", conflictId,
                    supervisor.userId(), supervisor.username(), signer);
            audit.append(s, new AuditEntry(supervisor.userId(), supervisor.username(), "conflict.resolved", "SyncConflict",
                    conflictId.toString(), null, c.getConflictKind()));
        });
        commandQueued.run();
    }
}
