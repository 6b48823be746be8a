package cn.shebao.counter.workstation.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.launcher.ShebaoCounter;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.testing.OlderReplica;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfTestTest {

    @TempDir
    Path tmp;

    /** The real path: the launcher in a fresh JVM, so the serial library is unpacked before jSerialComm loads. */
    @Test
    void launcherSelfTestPassesOnAFreshMachineAndUnpacksTheSerialLibraryIntoTheDataDirectory() throws Exception {
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("self-test.out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=en", "-Duser.country=US", "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + tmp.resolve("tmp"),
                "-cp", System.getProperty("java.class.path"), ShebaoCounter.class.getName(), "--self-test", "--data-dir", data.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        Files.createDirectories(tmp.resolve("tmp"));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        assertThat(text).contains("[PASS] Java runtime: all").contains("[PASS] Local database: no local database yet")
                .contains("[PASS] Reports: sample certificate rendered").contains("NotoSansSC-Regular")
                .contains("[PASS] Serial library: jSerialComm").contains(data.resolve("native").toString())
                .contains("Self-test passed.").doesNotContain("[FAIL]");
        assertThat(tmp.resolve("tmp/jSerialComm")).doesNotExist();
        assertThat(data.resolve("replica")).as("the self-test creates no replica").doesNotExist();
    }

    @Test
    void olderReplicaIsReportedWithItsPendingUpgradeAndLeftUnchanged() throws Exception {
        DataDirectory dir = new DataDirectory(tmp.resolve("data"));
        OlderReplica.create(dir, KeyStoreKeyProtector.forMachine(dir.keys()), OlderReplica.OLDER_VERSION, 12);

        Result first = run(new ReplicaCheck(dir, KeyStoreKeyProtector.forMachine(dir.keys())));
        Result second = run(new ReplicaCheck(dir, KeyStoreKeyProtector.forMachine(dir.keys())));

        assertThat(first.exit).isZero();
        assertThat(first.text).contains("[通过] 本地数据库：").contains("数据库版本 " + OlderReplica.OLDER_VERSION)
                .contains("12 名参保人").contains("有 " + OlderReplica.migrationsAfter(OlderReplica.OLDER_VERSION) + " 项升级待执行");
        assertThat(second.text).as("read only: nothing was migrated")
                .contains("有 " + OlderReplica.migrationsAfter(OlderReplica.OLDER_VERSION) + " 项升级待执行");
        assertThat(dir.backups()).doesNotExist();
    }

    @Test
    void replicaWithoutItsKeyFailsAndTheOtherChecksStillRun() throws Exception {
        DataDirectory dir = new DataDirectory(tmp.resolve("data"));
        OlderReplica.create(dir, KeyStoreKeyProtector.forMachine(dir.keys()), OlderReplica.OLDER_VERSION, 1);
        try (var keys = Files.list(dir.keys())) {
            for (Path f : keys.toList()) {
                Files.delete(f);
            }
        }

        Result r = run(new ReplicaCheck(dir, KeyStoreKeyProtector.forMachine(dir.keys())), new RuntimeCheck(List.of("java.base")));

        assertThat(r.exit).isEqualTo(1);
        assertThat(r.text).contains("[失败] 本地数据库：本地数据库已存在，但找不到它的密钥")
                .contains("[通过] Java 运行时").contains("自检未通过：1 项失败");
    }

    @Test
    void missingModuleIsNamed() {
        Result r = run(new RuntimeCheck(List.of("java.base", "jdk.no.such.module", "java.sql")));
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.text).contains("缺少模块：jdk.no.such.module。");
    }

    @Test
    void runtimeWithoutTheEllipticCurveProviderFails() {
        Provider[] providers = Security.getProviders();
        int position = Arrays.asList(providers).indexOf(Security.getProvider("SunEC")) + 1;
        Provider ec = Security.getProvider("SunEC");
        Security.removeProvider("SunEC");
        try {
            Result r = run(new RuntimeCheck(List.of("java.base")));
            assertThat(r.exit).isEqualTo(1);
            assertThat(r.text).contains("[失败] Java 运行时：缺少椭圆曲线加密");
        } finally {
            Security.insertProviderAt(ec, position);
        }
        assertThat(run(new RuntimeCheck(List.of("java.base"))).exit).isZero();
    }

    @Test
    void bundledModuleListIsTheOneTheInstallerUses() {
        assertThat(RuntimeCheck.bundledList()).contains("java.base", "java.desktop", "java.sql", "jdk.localedata",
                "jdk.crypto.ec").doesNotHaveDuplicates().allMatch(m -> m.matches("[a-z][a-z0-9.]*"));
        assertThat(new RuntimeCheck(RuntimeCheck.bundledList()).run(Locale.ENGLISH).passed()).isTrue();
    }

    @Test
    void pdfWithAFontThatIsNotEmbeddedOrNotOursFails() {
        String ours = "<</Type/FontDescriptor/FontFile2 7 0 R/FontName/ABCDEF+NotoSansSC-Regular>>";
        String notEmbedded = "<</Type/FontDescriptor/FontName/GHIJKL+NotoSansSC-Bold>>";
        String foreign = "<</Type/FontDescriptor/FontFile2 9 0 R/FontName/Helvetica>>";

        assertThat(ReportCheck.judge(bytes(ours), 5, Locale.ENGLISH).passed()).isTrue();
        assertThat(ReportCheck.judge(bytes(ours + notEmbedded), 5, Locale.ENGLISH))
                .satisfies(o -> assertThat(o.passed()).isFalse())
                .satisfies(o -> assertThat(o.detail()).contains("2 fonts, 1 embedded"));
        assertThat(ReportCheck.judge(bytes(ours + foreign), 5, Locale.ENGLISH))
                .satisfies(o -> assertThat(o.passed()).isFalse())
                .satisfies(o -> assertThat(o.detail()).contains("Helvetica"));
        assertThat(ReportCheck.judge(bytes("%PDF-1.4 no fonts"), 5, Locale.ENGLISH).passed()).isFalse();
    }

    private static byte[] bytes(String s) {
        return ("%PDF-1.4\n" + s).getBytes(StandardCharsets.ISO_8859_1);
    }

    private record Result(int exit, String text) {
    }

    private static Result run(Check... checks) {
        StringWriter text = new StringWriter();
        int exit = new SelfTest(List.of(checks), Locale.SIMPLIFIED_CHINESE).run(new PrintWriter(text), "test");
        return new Result(exit, text.toString());
    }
}
