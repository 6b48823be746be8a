package cn.shebao.counter.workstation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.pki.CertificateAuthority;
import cn.shebao.counter.workstation.pki.Pem;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four ways a server database is out of reach, against the real PostgreSQL of the tests: each gets its own
 * translated message (the first connection, as `central migrate` and the service make it, goes through here).
 */
class DatabaseUnavailableTest {

    @TempDir
    Path tmp;

    @Test
    void wrongPasswordMissingDatabaseClosedPortAndUntrustedCertificateAreToldApart() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase()) {
            String url = pg.dataSource().url();
            String user = System.getenv("SHEBAO_TEST_PG_USER");

            assertThat(refusal(url, user, "not-the-password")).contains("refused the log-in: wrong user or password")
                    .contains(url);
            String missing = url.substring(0, url.lastIndexOf('/') + 1) + "no_such_database_here";
            assertThat(refusal(missing, user, System.getenv("SHEBAO_TEST_PG_PASSWORD")))
                    .contains("There is no database").contains("no_such_database_here");

            int closed;
            try (ServerSocket s = new ServerSocket(0)) {
                closed = s.getLocalPort();
            }
            assertThat(refusal("jdbc:postgresql://127.0.0.1:" + closed + "/x", user, "x"))
                    .contains("Cannot connect to the database jdbc:postgresql://127.0.0.1:" + closed + "/x");

            // Verified TLS against a CA that did not sign the server's certificate.
            Path otherCa = Files.writeString(tmp.resolve("other-ca.pem"), Pem.of(CertificateAuthority.create("Not the test CA").certificate()));
            String tls = pg.verifiedTlsUrl();
            String untrusted = tls.substring(0, tls.indexOf("sslrootcert=")) + "sslrootcert=" + otherCa;
            String message = refusal(untrusted, user, System.getenv("SHEBAO_TEST_PG_PASSWORD"));
            assertThat(message).contains("The TLS connection to the database").contains("server's certificate is not trusted")
                    .doesNotContain("sslrootcert=" + otherCa);
            // The right CA connects: the refusal above was the certificate, not the TLS set-up.
            assertThat(SqlFlavour.of(DriverDataSource.withCredentials(tls, user,
                    System.getenv("SHEBAO_TEST_PG_PASSWORD").toCharArray()))).isEqualTo(SqlFlavour.POSTGRESQL);
        }
    }

    private static String refusal(String url, String user, String password) {
        LocalizedException e = catchThrowableOfType(LocalizedException.class,
                () -> SqlFlavour.of(DriverDataSource.withCredentials(url, user, password.toCharArray())));
        assertThat(e).as(url).isNotNull();
        String zh = e.message(Locale.SIMPLIFIED_CHINESE);
        assertThat(zh).as("translated").doesNotContain("{0}").isNotEqualTo(e.message(Locale.ENGLISH));
        return e.message(Locale.ENGLISH);
    }
}
