package cn.shebao.counter.workstation.central;

import cn.shebao.counter.workstation.pki.CertificateAuthority;
import cn.shebao.counter.workstation.wire.CountersignedHead;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Countersigns the verified head of a workstation's audit chain with the centre's key, when that workstation asks
 * (after it shipped rows). Only what central verified itself is signed: rows 1 to the first break.
 */
public final class AuditHeads {

    private final DataSource central;
    private final CertificateAuthority centre;
    private final Clock clock;

    public AuditHeads(DataSource central, CertificateAuthority centre, Clock clock) {
        this.central = central;
        this.centre = centre;
        this.clock = clock;
    }

    public Optional<CountersignedHead> countersigned(String workstationCode) throws SQLException {
        try (Connection c = central.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT verified_sequence, verified_hash FROM audit_chain_state WHERE workstation_code = ?")) {
            ps.setString(1, workstationCode);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getLong(1) == 0) {
                    return Optional.empty();
                }
                long sequence = rs.getLong(1);
                String hash = rs.getString(2);
                Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                return Optional.of(new CountersignedHead(workstationCode, sequence, hash, at,
                        centre.sign(CountersignedHead.message(workstationCode, sequence, hash, at))));
            }
        }
    }
}
