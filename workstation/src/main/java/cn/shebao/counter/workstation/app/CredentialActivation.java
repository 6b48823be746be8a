package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.identity.AccountStatus;
import cn.shebao.counter.workstation.identity.OnlineAccount;
import cn.shebao.counter.workstation.sync.SyncEngine;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;

/**
 * Waits a few seconds for central to activate a credential just issued, when online, so that the slip can say the
 * account is active. Offline it answers at once; the slip then says when the account will activate. Runs on the
 * caller's (background) thread: it syncs and polls the replica.
 */
final class CredentialActivation {

    private static final Duration PATIENCE = Duration.ofSeconds(6);
    private static final long POLL_MILLIS = 300;

    private final SessionFactory replica;
    private final Supplier<Optional<SyncEngine>> sync;

    CredentialActivation(SessionFactory replica, Supplier<Optional<SyncEngine>> sync) {
        this.replica = replica;
        this.sync = sync;
    }

    boolean await(UUID accountId) {
        SyncEngine engine = sync.get().orElse(null);
        if (engine == null || !engine.status().online()) {
            return false;
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            engine.syncNow();
            if (active(accountId)) {
                return true;
            }
            try {
                // Polling, not a notification: the pull that brings the activation runs on the sync engine's thread.
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private boolean active(UUID accountId) {
        return replica.fromTransaction(s -> {
            OnlineAccount a = s.find(OnlineAccount.class, accountId);
            return a != null && a.getStatus() == AccountStatus.ACTIVE;
        });
    }
}
