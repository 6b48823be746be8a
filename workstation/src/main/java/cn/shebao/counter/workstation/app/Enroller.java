package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.pki.CertificateAuthority;
import cn.shebao.counter.workstation.pki.KeyStores;
import cn.shebao.counter.workstation.pki.NodeKeys;
import cn.shebao.counter.workstation.pki.Pem;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.sync.InitialLoad;
import cn.shebao.counter.workstation.sync.ServiceClient;
import cn.shebao.counter.workstation.wire.CentralUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import javax.net.ssl.SSLHandshakeException;

/**
 * Enrols this workstation with the central service: generates the machine's key pair, sends a certificate
 * request with the one-time code IT opened for this workstation code, keeps the certificate it gets back, creates
 * the encrypted replica and runs the initial load through the service (resumable after a crash or a cut line).
 * Used by the {@code enrol} command and by the first-run screen.
 */
public final class Enroller {

    private final DataDirectory dir;

    public Enroller(DataDirectory dir) {
        this.dir = dir;
    }

    /**
     * @param caCertificate the centre's CA certificate (PEM), handed to IT with the code: the only anchor the
     *        workstation trusts the service by, so a look-alike server on the network cannot enrol it
     * @return central's change sequence at the snapshot
     */
    public long enrol(String serviceUrl, Path caCertificate, String enrolmentCode, String code, Consumer<InitialLoad.Progress> progress)
            throws SQLException {
        if (code == null || !code.strip().matches("[A-Za-z0-9-]{2,20}")) {
            throw new LocalizedException("enrol.error.code");
        }
        if (serviceUrl == null || !serviceUrl.strip().startsWith("https://")) {
            throw new LocalizedException("enrol.error.url");
        }
        String workstation = code.strip();
        URI service = URI.create(serviceUrl.strip());
        Enrolment.read(dir).filter(e -> !e.workstationCode().equals(workstation)).ifPresent(e -> {
            throw new LocalizedException("enrol.error.otherCode", dir.root().toString(), e.workstationCode());
        });
        X509Certificate ca = readCa(caCertificate);
        KeyProtector keys = KeyProtection.forWorkstation(dir, false);
        try (Replica replica = Replica.open(dir, keys, DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
            return enrolInto(replica, keys, service, ca, enrolmentCode, workstation, progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Enrolment into a replica this process already holds open (demo mode enrols at start-up this way). */
    long enrolInto(Replica replica, KeyProtector keys, URI service, X509Certificate ca, String enrolmentCode,
            String workstation, Consumer<InitialLoad.Progress> progress) throws SQLException {
        if (!NodeIdentity.exists(dir)) {
            requestCertificate(service, ca, enrolmentCode, workstation, keys);
        }
        new Enrolment(workstation, service.toString()).write(dir);
        NodeIdentity identity = NodeIdentity.load(dir, keys).orElseThrow();
        ServiceClient client = new ServiceClient(service, identity.tls()).signingBatchesWith(identity.privateKey());
        long cursor;
        try {
            cursor = new InitialLoad(client, replica.dataSource(), InitialLoad.SERVICE_PAGE).run(progress);
        } catch (CentralUnavailableException e) {
            throw new LocalizedException(e, "enrol.error.loadCut");
        }
        AuditLog audit = new AuditLog(replica.sessions(), Clock.systemUTC(), TimeOrderedIds.system(), workstation);
        // Shipped like every other audited action: the chain central keeps starts at the enrolment itself.
        audit.shipTo(new Outbox(replica.sessions(), Clock.systemUTC(), TimeOrderedIds.system()));
        audit.append(AuditEntry.system("workstation.enrolled", "central change sequence " + cursor));
        return cursor;
    }

    private void requestCertificate(URI service, X509Certificate ca, String enrolmentCode, String workstation, KeyProtector keys) {
        if (enrolmentCode == null || enrolmentCode.isBlank()) {
            throw new LocalizedException("enrol.error.enrolmentCode");
        }
        KeyPair pair = NodeKeys.generate();
        ServiceClient anonymous = new ServiceClient(service, ServiceClient.tls(null, null, KeyStores.trusting(ca)));
        Map<String, Object> answer;
        try {
            answer = anonymous.enrol(enrolmentCode.strip(), workstation, Pem.of(NodeKeys.request(pair, workstation)));
        } catch (ServiceClient.ServiceRefusal refused) {
            throw new LocalizedException(refused, "enrol.refused." + refused.code());
        } catch (CentralUnavailableException e) {
            throw new LocalizedException(e, e.getCause() instanceof SSLHandshakeException ? "enrol.error.tls" : "enrol.error.unreachable",
                    service.toString());
        }
        X509Certificate issued = Pem.certificate((String) answer.get("certificate"));
        try {
            issued.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new LocalizedException(e, "enrol.error.tls", service.toString());
        }
        if (!issued.getPublicKey().equals(pair.getPublic()) || !workstation.equals(CertificateAuthority.nodeCode(issued))) {
            throw new LocalizedException("enrol.error.tls", service.toString());
        }
        NodeIdentity.store(dir, keys, pair.getPrivate(), issued, ca);
    }

    static X509Certificate readCa(Path file) {
        try {
            return Pem.certificate(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new LocalizedException(e, "enrol.error.caFile", String.valueOf(file));
        }
    }
}
