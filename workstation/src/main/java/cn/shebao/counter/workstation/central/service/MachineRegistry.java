package cn.shebao.counter.workstation.central.service;

import cn.shebao.counter.workstation.pki.CertificateAuthority;
import cn.shebao.counter.workstation.pki.Pem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The machines central knows: one-time enrolment codes, the certificates issued with them, revocation. A code
 * is shown once to the admin who opened it and kept only as its SHA-256; it works once, for one node code,
 * until it expires.
 */
public final class MachineRegistry {

    /** What a machine is; kiosks and hall machines come with their own issues and get their own permissions. */
    public enum Kind { COUNTER, KIOSK, HALL }

    /** A certificate's standing, checked on every request. */
    public enum Standing { ACTIVE, REVOKED, UNKNOWN }

    /** Why an enrolment was refused; each has a message for the machine's IT screen. */
    public static final class EnrolmentRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        EnrolmentRefused(String reason) {
            super("enrolment refused: " + reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** Letters and digits without look-alikes (no 0/O, 1/I/L): the code is typed from a sheet of paper. */
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final Duration CLIENT_VALIDITY = Duration.ofDays(2 * 365);

    private final DataSource central;
    private final CertificateAuthority ca;
    private final Clock clock;
    private final Consumer<String> registerNode;
    private final SecureRandom random = new SecureRandom();

    /** @param registerNode makes the node known to the command applier (its sequence starts at zero) */
    public MachineRegistry(DataSource central, CertificateAuthority ca, Clock clock, Consumer<String> registerNode) {
        this.central = central;
        this.ca = ca;
        this.clock = clock;
        this.registerNode = registerNode;
    }

    /** Opens a one-time code; returns it (formatted in groups of four). Only its hash is stored. */
    public String openCode(String nodeCode, Kind kind, String site, Duration validity) throws SQLException {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        Instant now = clock.instant();
        try (Connection c = central.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO enrolment_code (code_hash, node_code, node_kind, site, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, hash(code.toString()));
            ps.setString(2, nodeCode);
            ps.setString(3, kind.name());
            ps.setString(4, site);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setTimestamp(6, Timestamp.from(now.plus(validity)));
            ps.executeUpdate();
        }
        return code.toString();
    }

    /**
     * Redeems a code for the node it was opened for and returns the signed certificate. The code is used up in
     * the same transaction that records the certificate, so two machines racing with one code get one answer.
     */
    public X509Certificate enrol(String code, String nodeCode, String csrPem) throws SQLException {
        String codeHash = hash(normalise(code));
        Instant now = clock.instant();
        try (Connection c = central.getConnection()) {
            c.setAutoCommit(false);
            try {
                String kind;
                String site;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT node_code, node_kind, site, expires_at, used_at FROM enrolment_code WHERE code_hash = ? FOR UPDATE")) {
                    ps.setString(1, codeHash);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new EnrolmentRefused("unknownCode");
                        }
                        if (!rs.getString(1).equals(nodeCode)) {
                            throw new EnrolmentRefused("otherNode");
                        }
                        if (rs.getTimestamp(5) != null) {
                            throw new EnrolmentRefused("usedCode");
                        }
                        if (rs.getTimestamp(4).toInstant().isBefore(now)) {
                            throw new EnrolmentRefused("expiredCode");
                        }
                        kind = rs.getString(2);
                        site = rs.getString(3);
                    }
                }
                X509Certificate issued;
                try {
                    issued = ca.issueClient(Pem.request(csrPem), nodeCode, now.minus(Duration.ofMinutes(5)), now.plus(CLIENT_VALIDITY));
                } catch (IllegalArgumentException badRequest) {
                    throw new EnrolmentRefused("badRequest");
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE enrolment_code SET used_at = ? WHERE code_hash = ?")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setString(2, codeHash);
                    ps.executeUpdate();
                }
                record(c, issued, nodeCode, kind, site);
                c.commit();
                registerNode.accept(nodeCode);
                return issued;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Records a certificate issued outside enrolment (the demo's own machine, tests). */
    public void recordIssued(X509Certificate issued, Kind kind, String site) throws SQLException {
        try (Connection c = central.getConnection()) {
            record(c, issued, CertificateAuthority.nodeCode(issued), kind.name(), site);
        }
        registerNode.accept(CertificateAuthority.nodeCode(issued));
    }

    private static void record(Connection c, X509Certificate issued, String nodeCode, String kind, String site) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO node_certificate (serial_number, node_code, node_kind, site, "
                + "issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, serial(issued));
            ps.setString(2, nodeCode);
            ps.setString(3, kind);
            ps.setString(4, site);
            ps.setTimestamp(5, Timestamp.from(issued.getNotBefore().toInstant()));
            ps.setTimestamp(6, Timestamp.from(issued.getNotAfter().toInstant()));
            ps.executeUpdate();
        }
    }

    /** A certificate's standing and the kind of machine it was issued to (null when unknown). */
    public record Presented(Standing standing, Kind kind) {
    }

    /** The standing of the certificate a request came with: the TLS layer already checked it chains to the CA. */
    public Presented standing(X509Certificate presented) throws SQLException {
        try (Connection c = central.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT node_code, revoked_at, node_kind FROM node_certificate WHERE serial_number = ?")) {
            ps.setString(1, serial(presented));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getString(1).equals(CertificateAuthority.nodeCode(presented))) {
                    return new Presented(Standing.UNKNOWN, null);
                }
                return new Presented(rs.getTimestamp(2) == null ? Standing.ACTIVE : Standing.REVOKED, Kind.valueOf(rs.getString(3)));
            }
        }
    }

    /** Revokes every certificate of a node (a stolen PC); returns how many. Re-enrolment needs a new code. */
    public int revoke(String nodeCode, String reason) throws SQLException {
        try (Connection c = central.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE node_certificate SET revoked_at = ?, revoked_reason = ? WHERE node_code = ? AND revoked_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, reason);
            ps.setString(3, nodeCode);
            return ps.executeUpdate();
        }
    }

    static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    private static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the Java runtime", e);
        }
    }
}
