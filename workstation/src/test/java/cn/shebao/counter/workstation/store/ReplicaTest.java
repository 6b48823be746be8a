package cn.shebao.counter.workstation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.device.id.Gender;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.citizen.PersonStatus;
import cn.shebao.counter.workstation.citizen.RetirementCategory;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicaTest {

    // A valid number no generator produces (area 330106, 1961-07-29): searching the files for it is meaningful.
    private static final String SECRET_ID = "330106196107293218";
    private static final String SECRET_NAME = "欧阳堃喆";

    @TempDir
    Path tmp;

    private KeyProtector keysIn(String name) {
        return new KeyStoreKeyProtector(tmp.resolve(name), "test-store-password".toCharArray());
    }

    @Test
    void createsEncryptedReplicaWhoseFilesHoldNoPersonalData() throws IOException {
        DataDirectory dir = new DataDirectory(tmp.resolve("data"));
        try (Replica replica = Replica.open(dir, keysIn("keys"), DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE))) {
            assertThat(replica.wasCreated()).isTrue();
            replica.sessions().inTransaction(s -> {
                for (int i = 0; i < 200; i++) { // enough rows that pages are really written
                    s.persist(person(i == 0 ? SECRET_ID : "33010619610729" + String.format("%03d", i) + "X",
                            i == 0 ? SECRET_NAME : SECRET_NAME + i));
                }
            });
        }
        byte[][] needles = needles(SECRET_ID, SECRET_NAME);
        try (Stream<Path> files = Files.walk(dir.replica())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(f);
                for (byte[] needle : needles) {
                    assertThat(indexOf(content, needle)).as("%s contains a plain-text needle", f).isEqualTo(-1);
                }
            }
        }
        // And the data is really there: reopening with the right key reads it back.
        try (Replica replica = Replica.open(dir, keysIn("keys"), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
            assertThat(replica.wasCreated()).isFalse();
            String name = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                    "select name from InsuredPerson where citizenIdNumber = :id", String.class)
                    .setParameter("id", SECRET_ID).getSingleResult());
            assertThat(name).isEqualTo(SECRET_NAME);
        }
    }

    @Test
    void wrongOrMissingKeyFailsWithClearMessage() throws IOException {
        DataDirectory dir = new DataDirectory(tmp.resolve("data"));
        Replica.open(dir, keysIn("keys"), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE)).close();

        // A different key store: a key exists but is the wrong one.
        KeyProtector other = keysIn("other-keys");
        other.create().close();
        assertThatThrownBy(() -> Replica.open(dir, other, DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE)))
                .isInstanceOfSatisfying(LocalizedException.class, e -> {
                    assertThat(e.key()).isEqualTo("replica.error.wrongKey");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("密钥不匹配");
                    assertThat(e.message(Locale.ENGLISH)).contains("key does not match");
                });

        // No key at all.
        assertThatThrownBy(() -> Replica.open(dir, keysIn("empty-keys"), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE)))
                .isInstanceOfSatisfying(LocalizedException.class,
                        e -> assertThat(e.key()).isEqualTo("replica.error.keyMissing"));

        // The right key still works afterwards: the failed attempts damaged nothing and left no lock.
        try (Replica replica = Replica.open(dir, keysIn("keys"), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
            assertThat(replica.wasCreated()).isFalse();
        }
    }

    @Test
    void keyStoreWithWrongPasswordIsReportedAsUnreadable() throws IOException {
        DataDirectory dir = new DataDirectory(tmp.resolve("data"));
        Replica.open(dir, keysIn("keys"), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE)).close();
        KeyProtector wrongPassword = new KeyStoreKeyProtector(tmp.resolve("keys"), "not-the-password".toCharArray());
        assertThatThrownBy(() -> Replica.open(dir, wrongPassword, DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE)))
                .isInstanceOfSatisfying(LocalizedException.class,
                        e -> assertThat(e.key()).isEqualTo("replica.error.keyStoreUnreadable"));
    }

    @Test
    void secondOpenOfTheSameDirectoryGetsAPlainMessage() throws IOException {
        DataDirectory dir = new DataDirectory(tmp.resolve("data"));
        try (Replica ignored = Replica.open(dir, keysIn("keys"), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
            assertThatThrownBy(() -> Replica.open(dir, keysIn("keys"), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE)))
                    .isInstanceOfSatisfying(LocalizedException.class,
                            e -> assertThat(e.key()).isEqualTo("app.error.alreadyRunning"));
        }
    }

    @Test
    void bootKeyNeverAppearsInToStringOrMessages() {
        KeyProtector keys = keysIn("keys");
        try (BootKey key = keys.create()) {
            String secret = new String(key.reveal());
            assertThat(key.toString()).doesNotContain(secret);
            DriverDataSource ds = new DriverDataSource("jdbc:derby:" + tmp.resolve("x"), () -> new java.util.Properties());
            assertThat(ds.toString()).doesNotContain(secret);
            assertThat(keys.describe()).doesNotContain(secret);
        }
    }

    static InsuredPerson person(String idNumber, String name) {
        InsuredPerson p = new InsuredPerson(UUID.randomUUID());
        p.setCitizenIdNumber(idNumber);
        p.setName(name);
        p.setGender(Gender.MALE);
        p.setBirthDate(LocalDate.of(1961, 7, 29));
        p.setNationCode("01");
        p.setHouseholdAreaCode("330106");
        p.setStatus(PersonStatus.CONTRIBUTING);
        p.setRetirementCategory(RetirementCategory.MALE);
        p.setRegisteredOn(LocalDate.of(1983, 7, 1));
        return p;
    }

    /** The needles in every encoding a page could hold them: UTF-8, UTF-16 both ways, GB18030, and hex. */
    static byte[][] needles(String... texts) {
        return Stream.of(texts).flatMap(t -> Stream.of(
                t.getBytes(StandardCharsets.UTF_8), t.getBytes(StandardCharsets.UTF_16BE),
                t.getBytes(StandardCharsets.UTF_16LE), t.getBytes(java.nio.charset.Charset.forName("GB18030")),
                HexFormat.of().formatHex(t.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII)))
                .distinct().toArray(byte[][]::new);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
