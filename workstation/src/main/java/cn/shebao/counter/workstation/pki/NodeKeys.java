package cn.shebao.counter.workstation.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A machine's key pair and its certificate request. The private key is generated on the machine and never
 * leaves it: enrolment sends only the request, signed with that key, so central knows the holder has it.
 */
public final class NodeKeys {

    static final String SIGNATURE = "SHA256withECDSA";

    private NodeKeys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is missing from the Java runtime", e);
        }
    }

    /** The subject names the node code: the certificate is bound to it and every request is checked against it. */
    public static X500Name subject(String nodeCode) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Shebao Counter").addRDN(BCStyle.CN, nodeCode).build();
    }

    public static PKCS10CertificationRequest request(KeyPair keys, String nodeCode) {
        try {
            return new JcaPKCS10CertificationRequestBuilder(subject(nodeCode), keys.getPublic())
                    .build(new JcaContentSignerBuilder(SIGNATURE).build(keys.getPrivate()));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign the certificate request", e);
        }
    }
}
