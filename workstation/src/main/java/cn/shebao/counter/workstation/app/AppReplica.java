package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import java.util.function.Consumer;

/** How the application opens its replica: the key protector chosen for it, schema trusted to the migrations. */
final class AppReplica {

    private AppReplica() {
    }

    static Replica open(DataDirectory directory, KeyProtector keys) {
        return open(directory, keys, step -> { });
    }

    static Replica open(DataDirectory directory, KeyProtector keys, Consumer<Replica.Step> progress) {
        return Replica.open(directory, keys, DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE), progress);
    }
}
