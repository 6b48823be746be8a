package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.TestCentral;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Child-process workstation for {@link KillDuringSyncTest}: opens the replica and pushes or pulls through the
 * central service in small steps forever, until the test kills it with SIGKILL. Arguments: data root, key store
 * password, service URL, the machine's PKCS#12 file, "push" or "pull"; that file's password comes in $NODE_PASSWORD.
 */
public final class ChildWorkstation {

    private ChildWorkstation() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Replica replica = Replica.open(new DataDirectory(root.resolve("data")),
                new KeyStoreKeyProtector(root.resolve("keys"), args[1].toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE));
        ServiceClient central = TestCentral.machine(Path.of(args[3]), System.getenv("NODE_PASSWORD").toCharArray()).at(URI.create(args[2]));
        Outbox outbox = new Outbox(replica.sessions(), Clock.systemUTC(), TimeOrderedIds.system());
        Pusher pusher = new Pusher(outbox, central, "KILL-01");
        Puller puller = new Puller(central, replica.dataSource(), 20, Clock.systemUTC());
        System.out.println("READY");
        System.out.flush();
        while (true) {
            if ("push".equals(args[4])) {
                pusher.push(3);
            } else {
                Puller.Page page = puller.pullPage();
                if (page.entries() > 0) {
                    System.out.println("PAGE " + page.cursor()); // committed: the test kills only after real progress
                    System.out.flush();
                }
            }
        }
    }
}
