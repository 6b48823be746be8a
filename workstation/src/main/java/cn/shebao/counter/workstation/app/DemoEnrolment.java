package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.demo.DemoCentral;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.store.KeyProtector;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.sync.InitialLoad;
import java.net.URI;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * Demo mode works like a real workstation: a local demo central service (its database filled with generated persons on
 * the first start), this workstation enrolled with it by a one-time code and loaded through it, then synced in the
 * background over mutual TLS. This class does the enrolment and load, once, and points the workstation at the demo
 * central's port of this start.
 */
final class DemoEnrolment {

    static final String WORKSTATION_CODE = "DEMO-01";

    private DemoEnrolment() {
    }

    static void prepare(DataDirectory dir, KeyProtector keys, Replica replica, DemoCentral central,
            Consumer<Workstation.Progress> progress) throws SQLException {
        boolean loaded = NodeIdentity.exists(dir) && Enrolment.read(dir).isPresent() && InitialLoad.completed(replica.dataSource());
        if (!loaded) {
            new Enroller(dir).enrolInto(replica, keys, URI.create(central.url()), Enroller.readCa(central.caCertificate()),
                    central.enrolmentCode(), WORKSTATION_CODE, p -> progress.accept(new Workstation.Progress(Replica.Step.READY,
                            (int) Math.min(p.copied(), Integer.MAX_VALUE), (int) Math.min(p.total(), Integer.MAX_VALUE), p.table())));
        }
        // The demo central gets a new port at every start.
        new Enrolment(WORKSTATION_CODE, central.url()).write(dir);
    }
}
