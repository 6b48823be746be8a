package cn.shebao.counter.device.smartcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No card service: said in words, not as an empty reader list. A JVM of its own whose pcsc-lite client looks for the
 * service on a socket nobody listens on (pcsc-lite's PCSCLITE_CSOCK_NAME), so the machine's pcscd, which other tests
 * use, is left running, and this JVM's PC/SC context, which the JDK keeps for the whole process, is not spoiled.
 */
class CardServiceDownTest {

    @TempDir
    Path tmp;

    @Test
    void withoutPcscdTheReaderCommandSaysTheCardServiceIsNotRunning() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.language=zh", "-Duser.country=CN",
                "cn.shebao.counter.device.cli.DeviceCli", "pcsc", "list");
        pb.environment().put("PCSCLITE_CSOCK_NAME", tmp.resolve("no-pcscd.comm").toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isEqualTo(6);
        assertThat(out).contains("读卡服务没有运行").contains("pcscd").doesNotContain("Exception");
    }
}
