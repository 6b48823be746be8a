package cn.shebao.counter.workstation.testing;

import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** An encrypted replica in a temporary directory, filled by the demo generator, for service tests. */
public final class DemoReplica implements AutoCloseable {

    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    private final Replica replica;
    private final AuditLog audit;

    private DemoReplica(Replica replica, Clock clock) {
        this.replica = replica;
        this.audit = new AuditLog(replica.sessions(), clock, TimeOrderedIds.system(), "TEST-01");
    }

    public static DemoReplica generate(Path dir, int persons, Clock clock) {
        Replica replica = Replica.open(new DataDirectory(dir.resolve("data")),
                new KeyStoreKeyProtector(dir.resolve("keys"), "demo-replica-test".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE));
        new DemoDataGenerator(new DemoDataGenerator.Settings(2026, persons, AS_OF, 36, 200))
                .generate(new HibernateDemoSink(replica.sessions()), (done, total, rows) -> { });
        return new DemoReplica(replica, clock);
    }

    public Replica replica() {
        return replica;
    }

    public AuditLog audit() {
        return audit;
    }

    public static StaffSession clerk() {
        return new StaffSession(UUID.fromString("00000000-0000-7000-8000-000000000001"), "clerk1", "柜员一", Set.of(StaffRole.CLERK));
    }

    /** A session of a staff member as central holds them (demo staff), read from a replica or central database. */
    public static StaffSession staff(org.hibernate.SessionFactory sessions, String username) {
        cn.shebao.counter.workstation.security.StaffUser u = sessions.fromTransaction(s -> s.createSelectionQuery(
                "from StaffUser where username = :u", cn.shebao.counter.workstation.security.StaffUser.class)
                .setParameter("u", username).getSingleResult());
        return new StaffSession(u.getId(), u.getUsername(), u.getDisplayName(), u.getRoles());
    }

    public static StaffSession admin() {
        return new StaffSession(UUID.fromString("00000000-0000-7000-8000-000000000003"), "admin1", "管理员", Set.of(StaffRole.ADMIN));
    }

    @Override
    public void close() throws java.io.IOException {
        replica.close();
    }
}
