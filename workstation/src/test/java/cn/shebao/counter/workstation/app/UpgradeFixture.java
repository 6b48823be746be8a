package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.testing.OlderReplica;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The installer's upgrade check (installer/package-test.sh) runs this with the build's classes beside the installed
 * package: {@code make DIR} leaves an enrolled workstation's data directory as an older release would (replica at an
 * older schema, 200 persons, enrolment pointing at an unreachable central) and prints the replica's fingerprint;
 * {@code verify DIR FINGERPRINT} checks, after the new package's first start, that the replica was backed up and
 * migrated and holds exactly the same persons. Exit status 0 or 1, so the script can rely on it.
 */
public final class UpgradeFixture {

    private UpgradeFixture() {
    }

    public static void main(String[] args) throws Exception {
        DataDirectory dir = new DataDirectory(Path.of(args[1]));
        KeyStoreKeyProtector keys = KeyStoreKeyProtector.forMachine(dir.keys());
        switch (args[0]) {
            case "make" -> {
                OlderReplica.create(dir, keys, OlderReplica.OLDER_VERSION, 200);
                new Enrolment("WS-UPGRADE-01", "https://127.0.0.1:9").write(dir);
                // The package-test machine has no TPM: IT allowed the software key store there, as docs/security.md says.
                KeyProtection.record(dir, true, null, null);
                try (Replica replica = Replica.open(dir, keys, DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE), step -> { },
                        Migrations.Plan.of(Migrations.Role.REPLICA).upTo(OlderReplica.OLDER_VERSION))) {
                    System.out.println(OlderReplica.fingerprint(replica.dataSource()));
                }
            }
            // The exit status is the verdict package-test.sh acts on; this main runs only as that script's child.
            case "verify" -> System.exit(verify(dir, keys, args[2]) ? 0 : 1);
            default -> throw new IllegalArgumentException("make DIR | verify DIR FINGERPRINT");
        }
    }

    private static boolean verify(DataDirectory dir, KeyStoreKeyProtector keys, String expected) throws Exception {
        Replica.Inspection state = Replica.inspect(dir, keys).orElseThrow();
        List<Path> backups;
        try (var list = Files.list(dir.backups())) {
            backups = list.filter(p -> p.getFileName().toString().startsWith("replica-before-" + OlderReplica.OLDER_VERSION))
                    .toList();
        }
        String actual;
        try (Replica replica = Replica.open(dir, keys, DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE))) {
            actual = OlderReplica.fingerprint(replica.dataSource());
        }
        boolean ok = state.pendingMigrations() == 0 && !state.schemaVersion().equals(OlderReplica.OLDER_VERSION)
                && backups.size() == 1 && actual.equals(expected);
        System.out.printf("schema %s, pending %d, backups %s%nbefore: %s%nafter:  %s%n%s%n", state.schemaVersion(),
                state.pendingMigrations(), backups, expected, actual, ok ? "upgrade kept the data" : "UPGRADE LOST OR CHANGED DATA");
        return ok;
    }
}
