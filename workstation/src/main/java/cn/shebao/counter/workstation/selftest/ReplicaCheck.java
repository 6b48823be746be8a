package cn.shebao.counter.workstation.selftest;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.store.KeyProtector;
import cn.shebao.counter.workstation.store.Replica;
import java.util.Locale;
import java.util.Optional;

/** The replica opens with this machine's key (or none exists yet); read only: a pending upgrade is reported, not run. */
final class ReplicaCheck implements Check {

    private final DataDirectory directory;
    private final KeyProtector keys;

    ReplicaCheck(DataDirectory directory, KeyProtector keys) {
        this.directory = directory;
        this.keys = keys;
    }

    @Override
    public String subject(Locale locale) {
        return Messages.format(locale, "selftest.replica");
    }

    @Override
    public Outcome run(Locale locale) {
        Optional<Replica.Inspection> inspection;
        try {
            inspection = Replica.inspect(directory, keys);
        } catch (LocalizedException e) {
            if ("app.error.alreadyRunning".equals(e.key())) {
                // The running workstation has it open, which proves it opens; the self-test must not take it away.
                return Outcome.pass(Messages.format(locale, "selftest.replica.inUse", directory.root().toString()));
            }
            throw e;
        }
        if (inspection.isEmpty()) {
            return Outcome.pass(Messages.format(locale, "selftest.replica.none", directory.root().toString()));
        }
        Replica.Inspection i = inspection.get();
        String state = Messages.format(locale, "selftest.replica.ok", directory.replica().toString(), i.schemaVersion(), i.persons());
        return Outcome.pass(i.pendingMigrations() == 0 ? state
                : state + " " + Messages.format(locale, "selftest.replica.pending", i.pendingMigrations()));
    }
}
