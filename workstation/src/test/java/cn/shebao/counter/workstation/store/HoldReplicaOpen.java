package cn.shebao.counter.workstation.store;

import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import java.nio.file.Path;

/** Child-process helper for {@link ReplicaProcessTest}: opens a replica, says so, and waits to be killed. */
public final class HoldReplicaOpen {

    private HoldReplicaOpen() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Replica replica = Replica.open(new DataDirectory(root.resolve("data")),
                new KeyStoreKeyProtector(root.resolve("keys"), args[1].toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE));
        replica.sessions().inTransaction(s -> s.persist(ReplicaTest.person("330106196107293218", "测试")));
        System.out.println("OPEN");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
