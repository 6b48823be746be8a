package cn.shebao.counter.workstation.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** PEM text for certificates and certificate requests, the form IT copies between machines. */
public final class Pem {

    private Pem() {
    }

    public static String of(Object certificateOrRequest) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(certificateOrRequest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PEM certificate", e);
        }
    }

    public static PKCS10CertificationRequest request(String pem) {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            PemObject o = reader.readPemObject();
            if (o == null || !o.getType().equals("CERTIFICATE REQUEST")) {
                throw new IllegalArgumentException("not a PEM certificate request");
            }
            return new PKCS10CertificationRequest(o.getContent());
        } catch (IOException e) {
            throw new IllegalArgumentException("not a PEM certificate request", e);
        }
    }
}
