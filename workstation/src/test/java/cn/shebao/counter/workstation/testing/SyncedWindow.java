package cn.shebao.counter.workstation.testing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.security.LoginOutcome;
import cn.shebao.counter.workstation.security.LoginPolicy;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;

import cn.shebao.counter.workstation.sync.InitialLoad;
import cn.shebao.counter.workstation.sync.Puller;
import cn.shebao.counter.workstation.sync.Pusher;
import cn.shebao.counter.workstation.wire.ChangeSource;
import cn.shebao.counter.workstation.wire.CommandSink;
import cn.shebao.counter.workstation.wire.SnapshotSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.hibernate.SessionFactory;

/**
 * One counter window of a {@link CentralPlusWindows}: the part every multi-window sync test shares. Its encrypted
 * replica loaded from central, its clock, its audit log (shipped through the outbox, as a real window ships it),
 * outbox and login, and push and pull. A test builds the feature services it exercises on top of these.
 */
public final class SyncedWindow implements AutoCloseable {

    /** How a window reaches central: the real mutual-TLS service, or central's own classes in this JVM. */
    interface Link {
        SnapshotSource snapshots();

        CommandSink commands();

        ChangeSource changes();
    }

    private final String code;
    private final Replica replica;
    private final Clock clock = Clock.systemUTC();
    private final Outbox outbox;
    private final AuditLog audit;
    private final StaffAuthenticator auth;
    private final Pusher pusher;
    private final Puller puller;
    private final long demoSeed;

    private SyncedWindow(String code, Replica replica, Link link, long demoSeed) {
        this.code = code;
        this.replica = replica;
        this.demoSeed = demoSeed;
        this.outbox = new Outbox(replica.sessions(), clock, TimeOrderedIds.system());
        this.audit = new AuditLog(replica.sessions(), clock, TimeOrderedIds.system(), code).shipTo(outbox);
        this.auth = new StaffAuthenticator(replica.sessions(), new PasswordHasher(), audit, clock, LoginPolicy.standard());
        this.pusher = new Pusher(outbox, link.commands(), code);
        this.puller = new Puller(link.changes(), replica.dataSource(), 1000, clock);
    }

    static SyncedWindow open(Path dir, String code, Link link, long demoSeed) throws Exception {
        Replica replica = Replica.open(new DataDirectory(dir.resolve("data")),
                new KeyStoreKeyProtector(dir.resolve("keys"), "synced-window".toCharArray()),
                DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE));
        try {
            new InitialLoad(link.snapshots(), replica.dataSource(), 500).run(p -> { });
        } catch (Exception | Error e) {
            replica.close();
            throw e;
        }
        return new SyncedWindow(code, replica, link, demoSeed);
    }

    public String code() {
        return code;
    }

    public Replica replica() {
        return replica;
    }

    public SessionFactory sessions() {
        return replica.sessions();
    }

    public Clock clock() {
        return clock;
    }

    public Outbox outbox() {
        return outbox;
    }

    public AuditLog audit() {
        return audit;
    }

    public StaffAuthenticator auth() {
        return auth;
    }

    /** A demo member of staff logged in at this window with their demo password. */
    public StaffSession login(String username) {
        return login(username, demoPassword(username));
    }

    public StaffSession login(String username, char[] password) {
        LoginOutcome outcome = auth.login(username, password);
        assertThat(outcome).as("%s logs in at %s", username, code).isInstanceOf(LoginOutcome.Success.class);
        return ((LoginOutcome.Success) outcome).session();
    }

    public char[] demoPassword(String username) {
        return DemoDataGenerator.demoStaff(demoSeed).stream().filter(s -> s.username().equals(username)).findFirst()
                .orElseThrow().demoPassword().toCharArray();
    }

    /** Everything queued here reaches central, then everything central changed reaches here. */
    public void sync() throws Exception {
        while (outbox.pendingCount() > 0) {
            assertThat(pusher.push(1000).complete()).as("%s's push completes", code).isTrue();
        }
        puller.pullAll();
    }

    /** Only what central changed reaches here; this window's queue stays where it is. */
    public void pull() throws Exception {
        puller.pullAll();
    }

    /** The row as this window's replica holds it now, or null. */
    public <T> T find(Class<T> entity, UUID id) {
        return replica.sessions().fromTransaction(s -> s.find(entity, id));
    }

    @Override
    public void close() throws IOException {
        replica.close();
    }
}
