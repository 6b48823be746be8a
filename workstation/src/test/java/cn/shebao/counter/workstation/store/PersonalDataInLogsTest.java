package cn.shebao.counter.workstation.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.logging.PersonalDataRedaction;
import cn.shebao.counter.workstation.testing.DamagedPages;
import cn.shebao.counter.workstation.testing.DemoReplica;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged page is read, Derby reports it, the workstation logs the failure and shows its error dialog: and no
 * person's ID number or name is in any file outside the encrypted replica, nor in the dialog's "copy details", in
 * UTF-8, UTF-16 or GB18030.
 */
class PersonalDataInLogsTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @TempDir
    Path tmp;

    @Test
    void aDamagedPageLeavesNoPersonalDataInAnyLogOrInTheErrorDetails() throws Exception {
        List<String> secrets = new ArrayList<>();
        long conglomerate;
        try (DemoReplica demo = DemoReplica.generate(tmp, 300, Clock.systemUTC())) {
            demo.replica().sessions().inTransaction(s -> s.createSelectionQuery("from InsuredPerson", InsuredPerson.class)
                    .getResultList().forEach(p -> {
                        secrets.add(p.getCitizenIdNumber());
                        secrets.add(p.getName());
                    }));
            try (Connection c = demo.replica().dataSource().getConnection(); PreparedStatement q = c.prepareStatement(
                    "SELECT g.conglomeratenumber FROM sys.sysconglomerates g JOIN sys.systables t ON g.tableid = t.tableid "
                            + "WHERE t.tablename = 'INSURED_PERSON' AND g.isindex = false")) {
                ResultSet r = q.executeQuery();
                r.next();
                conglomerate = r.getLong(1);
            }
        }
        assertThat(secrets).hasSize(600);
        Path data = tmp.resolve("data");
        Path container = data.resolve("replica/seg0/c" + Long.toHexString(conglomerate) + ".dat");
        assertThat(Files.size(container)).as("large enough to have pages past the first 32 KB").isGreaterThan(65536);
        DamagedPages.flipOneBytePerPage(container);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + Path.of(PersonalDataRedaction.class.getResource("/logback.xml").toURI()),
                "-Dshebao.log.dir=" + data.resolve("logs"), "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), ReadDamagedReplica.class.getName(),
                data.toString(), tmp.resolve("keys").toString(), "demo-replica-test").redirectErrorStream(true).start();
        String console = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(180, TimeUnit.SECONDS)).isTrue();
        // The fault hit: the read failed on the damaged page, and Derby logged it.
        assertThat(console).contains("DETAILS BEGIN").doesNotContain("without an error");
        String details = console.substring(console.indexOf("DETAILS BEGIN"), console.indexOf("DETAILS END"));
        assertThat(details).containsAnyOf("XSDG", "checksum", "Checksum");
        assertThat(Files.readString(data.resolve("logs/derby.log"), StandardCharsets.UTF_8)).containsAnyOf("XSDG", "checksum");
        assertThat(Files.readString(data.resolve("logs/shebao-counter.log"), StandardCharsets.UTF_8)).contains("Reading the persons failed");

        List<Path> outsideReplica;
        try (Stream<Path> walk = Files.walk(tmp)) {
            outsideReplica = walk.filter(Files::isRegularFile).filter(p -> !p.startsWith(data.resolve("replica"))).toList();
        }
        assertThat(outsideReplica).contains(data.resolve("logs/derby.log"), data.resolve("logs/shebao-counter.log"));
        for (String secret : secrets) {
            for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, GB18030)) {
                byte[] needle = secret.getBytes(cs);
                for (Path f : outsideReplica) {
                    assertThat(indexOf(Files.readAllBytes(f), needle)).as("%s (%s) in %s", mask(secret), cs, f).isNegative();
                }
                assertThat(indexOf(console.getBytes(cs), needle)).as("%s (%s) in the details or the console", mask(secret), cs).isNegative();
            }
        }
    }

    private static String mask(String secret) {
        return secret.length() > 4 ? secret.substring(0, 2) + "…" : "…";
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
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
