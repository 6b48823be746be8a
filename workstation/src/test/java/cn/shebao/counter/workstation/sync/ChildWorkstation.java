package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.central.JdbcChangeSource;
import cn.shebao.counter.workstation.app.CommandHandlers;
import cn.shebao.counter.workstation.app.DataDirectory;
import cn.shebao.counter.workstation.central.CommandApplier;
import cn.shebao.counter.workstation.store.DriverDataSource;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import java.nio.file.Path;
import java.time.Clock;
import org.hibernate.SessionFactory;

/**
 * Child-process workstation for {@link KillDuringSyncTest}: opens the replica and pushes or pulls in small steps
 * forever, until the test kills it with SIGKILL. Arguments: data root, key store password, central JDBC URL,
 * central user, "push" or "pull"; the central password comes in $CENTRAL_PASSWORD.
 */
public final class ChildWorkstation {

    private ChildWorkstation() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Replica replica = Replica.open(new DataDirectory(root.resolve("data")),
                new KeyStoreKeyProtector(root.resolve("keys"), args[1].toCharArray()), PersistenceUnit.SchemaCheck.NONE);
        DriverDataSource central = DriverDataSource.withCredentials(args[2], args[3], System.getenv("CENTRAL_PASSWORD").toCharArray());
        SessionFactory sessions = PersistenceUnit.createOffline(central, args[2], Migrations.Role.CENTRAL);
        Outbox outbox = new Outbox(replica.sessions(), Clock.systemUTC(), TimeOrderedIds.system());
        Pusher pusher = new Pusher(outbox, new CommandApplier(sessions, CommandHandlers.all(Clock.systemUTC()), Clock.systemUTC(),
                TimeOrderedIds.system()), "KILL-01");
        Puller puller = new Puller(new JdbcChangeSource(central), replica.dataSource(), 20, Clock.systemUTC());
        System.out.println("READY");
        System.out.flush();
        while (true) {
            if ("push".equals(args[4])) {
                pusher.push(3);
            } else {
                puller.pullPage();
            }
        }
    }
}
