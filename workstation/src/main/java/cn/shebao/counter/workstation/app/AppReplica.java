package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;

/** How the application opens its replica: the machine's key protector, schema trusted to the migrations. */
final class AppReplica {

    private AppReplica() {
    }

    static Replica open(DataDirectory directory) {
        return open(directory, step -> { });
    }

    static Replica open(DataDirectory directory, java.util.function.Consumer<Replica.Step> progress) {
        return Replica.open(directory, KeyStoreKeyProtector.forMachine(directory.keys()), PersistenceUnit.SchemaCheck.NONE, progress);
    }
}
