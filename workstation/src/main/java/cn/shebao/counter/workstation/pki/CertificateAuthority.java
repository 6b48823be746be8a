package cn.shebao.counter.workstation.pki;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * The centre's certificate authority: signs the service's TLS certificate and every machine's client
 * certificate. A client certificate's common name is the node code it was enrolled for; the service reads the
 * node from it on every request and trusts nothing the request body claims about who sent it.
 */
public final class CertificateAuthority {

    public static final String ALIAS = "centre-ca";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final X509Certificate certificate;

    public CertificateAuthority(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** A new self-signed CA, valid ten years. */
    public static CertificateAuthority create(String name) {
        KeyPair keys = NodeKeys.generate();
        X500Name subject = new X500Name("O=Shebao Counter,CN=" + name);
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(Duration.ofDays(3650))), subject, keys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            return new CertificateAuthority(keys.getPrivate(), sign(b, keys.getPrivate()));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot build the CA certificate", e);
        }
    }

    public static CertificateAuthority from(KeyStore store, char[] password) {
        try {
            return new CertificateAuthority((PrivateKey) store.getKey(ALIAS, password), (X509Certificate) store.getCertificate(ALIAS));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the CA key store holds no usable CA key", e);
        }
    }

    public KeyStore toKeyStore(char[] password) {
        return KeyStores.withKey(ALIAS, key, password, certificate);
    }

    /** The centre's signature (SHA256withECDSA, base64) over a message, e.g. a countersigned audit head. */
    public String sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(key);
            s.update(message);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the centre's key", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The service's TLS certificate for the host names and addresses workstations use to reach it. */
    public KeyStore issueServer(List<String> hosts, Duration validity, char[] password) {
        KeyPair keys = NodeKeys.generate();
        List<GeneralName> names = new ArrayList<>();
        for (String h : hosts) {
            names.add(isAddress(h) ? new GeneralName(GeneralName.iPAddress, h) : new GeneralName(GeneralName.dNSName, h));
        }
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate, serial(), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(validity)), new X500Name("O=Shebao Counter,CN=" + hosts.get(0)), keys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            return KeyStores.withKey("service", keys.getPrivate(), password, sign(b, key), certificate);
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot build the service certificate", e);
        }
    }

    /**
     * Signs a machine's certificate request after checking that the request is signed by the key it carries and
     * names exactly {@code nodeCode}; the validity may start in the past only for tests of expiry.
     */
    public X509Certificate issueClient(PKCS10CertificationRequest request, String nodeCode, Instant notBefore, Instant notAfter) {
        try {
            JcaPKCS10CertificationRequest r = new JcaPKCS10CertificationRequest(request);
            if (!r.isSignatureValid(new JcaContentVerifierProviderBuilder().build(r.getPublicKey()))) {
                throw new IllegalArgumentException("the certificate request is not signed by its key");
            }
            if (!nodeCode.equals(commonName(r.getSubject()))) {
                throw new IllegalArgumentException("the certificate request names another node");
            }
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate, serial(), Date.from(notBefore),
                    Date.from(notAfter), NodeKeys.subject(nodeCode), r.getPublicKey());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            return sign(b, key);
        } catch (GeneralSecurityException | OperatorCreationException | PKCSException | CertIOException e) {
            throw new IllegalArgumentException("the certificate request cannot be signed", e);
        }
    }

    /** The node code a client certificate was issued for. */
    public static String nodeCode(X509Certificate certificate) {
        return commonName(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()));
    }

    private static String commonName(X500Name name) {
        RDN[] cn = name.getRDNs(BCStyle.CN);
        return cn.length == 1 ? IETFUtils.valueToString(cn[0].getFirst().getValue()) : null;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(NodeKeys.SIGNATURE).build(signer)));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot sign a certificate", e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static boolean isAddress(String host) {
        if (!host.matches("[0-9.]+|.*:.*")) {
            return false;
        }
        try {
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
