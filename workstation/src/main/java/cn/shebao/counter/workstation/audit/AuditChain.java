package cn.shebao.counter.workstation.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** The hash that links each audit row to its predecessor: SHA-256 over a canonical form of the row. */
public final class AuditChain {

    public static final String GENESIS_HASH = "0".repeat(64);
    private static final char SEPARATOR = '\u001f'; // ASCII unit separator: cannot be typed into any field

    private AuditChain() {
    }

    public static String hash(AuditEvent e) {
        StringBuilder canonical = new StringBuilder(256)
                .append(e.getSequenceNumber()).append(SEPARATOR)
                .append(e.getOccurredAt()).append(SEPARATOR)
                .append(e.getWorkstationCode()).append(SEPARATOR)
                .append(Objects.toString(e.getActorId(), "")).append(SEPARATOR)
                .append(e.getActorName()).append(SEPARATOR)
                .append(e.getActionCode()).append(SEPARATOR)
                .append(Objects.toString(e.getSubjectType(), "")).append(SEPARATOR)
                .append(Objects.toString(e.getSubjectId(), "")).append(SEPARATOR)
                .append(Objects.toString(e.getPurpose(), "")).append(SEPARATOR)
                .append(Objects.toString(e.getDetail(), "")).append(SEPARATOR)
                .append(e.getPreviousHash());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 missing from the Java runtime", e1);
        }
    }
}
