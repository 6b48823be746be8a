package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.central.CommandApplier;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.store.DriverDataSource;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.sync.InitialLoad;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;

/**
 * Enrols this workstation: registers it centrally, creates its encrypted replica, keeps the central password in
 * the key store (never in a file in clear) and runs the initial load, resumable after a crash or a cut line.
 * Used by the {@code enrol} command and by the first-run screen.
 */
public final class Enroller {

    private final DataDirectory dir;

    public Enroller(DataDirectory dir) {
        this.dir = dir;
    }

    /** @return central's change sequence at the snapshot; the caller wipes {@code password} afterwards */
    public long enrol(String centralUrl, String user, char[] password, String code, Consumer<InitialLoad.Progress> progress)
            throws java.sql.SQLException {
        if (code == null || !code.strip().matches("[A-Za-z0-9-]{2,20}")) {
            throw new LocalizedException("enrol.error.code");
        }
        if (centralUrl == null || !centralUrl.strip().startsWith("jdbc:")) {
            throw new LocalizedException("enrol.error.url");
        }
        String workstation = code.strip();
        Enrolment.read(dir).filter(e -> !e.workstationCode().equals(workstation)).ifPresent(e -> {
            throw new LocalizedException("enrol.error.otherCode", dir.root().toString(), e.workstationCode());
        });
        DriverDataSource central = DriverDataSource.withCredentials(centralUrl.strip(), user, password);
        try (SessionFactory centralSessions = PersistenceUnit.create(central, PersistenceUnit.SchemaCheck.NONE, Migrations.Role.CENTRAL)) {
            new CommandApplier(centralSessions, Map.of(), Clock.systemUTC(), TimeOrderedIds.system()).register(workstation);
        }
        KeyStoreKeyProtector keys = KeyStoreKeyProtector.forMachine(dir.keys());
        try (Replica replica = Replica.open(dir, keys, PersistenceUnit.SchemaCheck.NONE)) {
            keys.storeSecret(Enrolment.CENTRAL_SECRET, password);
            new Enrolment(workstation, centralUrl.strip(), user).write(dir);
            long cursor = new InitialLoad(central, replica.dataSource(), 1000).run(progress);
            new AuditLog(replica.sessions(), Clock.systemUTC(), TimeOrderedIds.system(), workstation)
                    .append(AuditEntry.system("workstation.enrolled", "central change sequence " + cursor));
            return cursor;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
