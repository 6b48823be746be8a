package cn.shebao.counter.workstation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.testing.SoftwareTpm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replica's key sealed to a real TPM 2.0 (swtpm, reached by tpm2-tools as a real one would be): the replica opens
 * again on the same machine in the same boot state, and not after the boot state changed, not on another machine, not
 * with the software store's machine-derived password.
 */
class TpmKeyProtectorTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void tpmInstalled() {
        if (System.getenv("CI") != null) {
            assertThat(SoftwareTpm.installed()).as("CI installs swtpm and tpm2-tools (.ci/run)").isTrue();
        }
        // Deliberate: a developer's machine without the tool or root rights skips with the reason; CI (.ci/run exports CI)
        // installs the tools and runs as root, and the assertion just above makes the test fail there instead of skipping.
        Assumptions.assumeTrue(SoftwareTpm.installed(), "needs swtpm and tpm2-tools");
    }

    @Test
    void theReplicaOpensAgainOnlyOnTheSameTpmInTheSameBootState() throws Exception {
        DataDirectory dir = new DataDirectory(tmp.resolve("data")).create();
        try (SoftwareTpm tpm = SoftwareTpm.start(tmp.resolve("tpm"))) {
            TpmSealer.Config config = new TpmSealer.Config(tpm.tcti(), "sha256:7");
            TpmKeyProtector keys = new TpmKeyProtector(dir.keys(), new TpmSealer(config));
            assertThat(keys.osProtected()).isTrue();
            try (Replica replica = Replica.open(dir, keys, DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
                assertThat(replica.wasCreated()).isTrue();
            }
            assertThat(TpmKeyProtector.sealedIn(dir.keys())).isTrue();
            // A second start: a new protector, the password unsealed again, the same replica.
            try (Replica again = Replica.open(dir, new TpmKeyProtector(dir.keys(), new TpmSealer(config)), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
                assertThat(again.wasCreated()).isFalse();
            }
            // The old way in (the machine id and the account name) opens nothing any more.
            assertThatThrownBy(() -> KeyStoreKeyProtector.forMachine(dir.keys()).load())
                    .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.key()).isEqualTo("replica.error.keyStoreUnreadable"));
            // Nothing of the sealing step is left beside the key store: no work folder, no plain password.
            try (Stream<Path> files = Files.list(dir.keys())) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("tpm-"));
            }

            tpm.extendPcr(7);
            TpmKeyProtector afterBootChange = new TpmKeyProtector(dir.keys(), new TpmSealer(config));
            assertThatThrownBy(() -> Replica.open(dir, afterBootChange, DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE)))
                    .isInstanceOfSatisfying(LocalizedException.class, e -> {
                        assertThat(e.key()).isEqualTo("key.tpm.pcrChanged");
                        assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("启动状态").contains("sha256:7");
                        assertThat(e.message(Locale.ENGLISH)).contains("boot state").contains("Contact IT");
                    });
        }
        // The data directory copied to another machine: its TPM cannot even load the sealed blob.
        try (SoftwareTpm other = SoftwareTpm.start(tmp.resolve("other-tpm"))) {
            TpmKeyProtector elsewhere = new TpmKeyProtector(dir.keys(), new TpmSealer(new TpmSealer.Config(other.tcti(), "sha256:7")));
            assertThatThrownBy(elsewhere::load).isInstanceOfSatisfying(LocalizedException.class, e -> {
                assertThat(e.key()).isEqualTo("key.tpm.otherMachine");
                assertThat(e.message(Locale.ENGLISH)).contains("another computer's TPM");
            });
        }
    }

    @Test
    void aSoftwareStoreMovesUnderTheTpmWithEveryKeyAndTheOldPasswordStopsWorking() throws Exception {
        DataDirectory dir = new DataDirectory(tmp.resolve("data")).create();
        KeyStoreKeyProtector software = KeyStoreKeyProtector.forMachine(dir.keys());
        try (Replica replica = Replica.open(dir, software, DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
            assertThat(replica.wasCreated()).isTrue();
        }
        software.storeSecret("node-key-password", "a-secret-of-the-node".toCharArray());
        try (SoftwareTpm tpm = SoftwareTpm.start(tmp.resolve("tpm"))) {
            TpmSealer.Config config = new TpmSealer.Config(tpm.tcti(), null);
            TpmKeyProtector unsealed = new TpmKeyProtector(dir.keys(), new TpmSealer(config));
            // Before the move a TPM start refuses the software store in words instead of making a new key over it.
            assertThatThrownBy(unsealed::load).isInstanceOfSatisfying(LocalizedException.class, e -> {
                assertThat(e.key()).isEqualTo("key.softwareStoreFound");
                assertThat(e.message(Locale.ENGLISH)).contains("shebao-counter key seal");
            });

            unsealed.adopt(software);

            try (Replica replica = Replica.open(dir, new TpmKeyProtector(dir.keys(), new TpmSealer(config)), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
                assertThat(replica.wasCreated()).as("the same replica, opened with the same key").isFalse();
            }
            assertThat(new TpmKeyProtector(dir.keys(), new TpmSealer(config)).loadSecret("node-key-password"))
                    .hasValueSatisfying(secret -> assertThat(new String(secret)).isEqualTo("a-secret-of-the-node"));
            assertThatThrownBy(() -> KeyStoreKeyProtector.forMachine(dir.keys()).load())
                    .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.key()).isEqualTo("replica.error.keyStoreUnreadable"));
            assertThatThrownBy(() -> unsealed.adopt(software)).isInstanceOfSatisfying(LocalizedException.class,
                    e -> assertThat(e.key()).isEqualTo("key.tpm.alreadySealed"));
        }
    }

    @Test
    void aTpmThatDoesNotAnswerIsNamedWithWhatToDo() throws Exception {
        DataDirectory dir = new DataDirectory(tmp.resolve("data")).create();
        // A port nobody listens on: the machine's TPM is off in the firmware, or the TCTI points elsewhere.
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        TpmKeyProtector keys = new TpmKeyProtector(dir.keys(), new TpmSealer(new TpmSealer.Config("swtpm:host=127.0.0.1,port=" + closed, null)));
        assertThatThrownBy(keys::create).isInstanceOfSatisfying(LocalizedException.class, e -> {
            assertThat(e.key()).isEqualTo("key.tpm.unavailable");
            assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("无法使用本机的 TPM").contains("--allow-software-key");
            assertThat(e.message(Locale.ENGLISH)).contains("cannot be used").contains("allowSoftwareKey=true");
        });
        assertThat(TpmKeyProtector.sealedIn(dir.keys())).isFalse();
        assertThat(KeyStoreKeyProtector.existsIn(dir.keys())).as("no half-made key store").isFalse();
        assertThatThrownBy(() -> new TpmSealer.Config("", "pcr7")).isInstanceOfSatisfying(LocalizedException.class,
                e -> assertThat(Messages.format(Locale.ENGLISH, e.key(), e.args())).contains("\"pcr7\""));
    }
}
