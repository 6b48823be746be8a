package cn.shebao.counter.workstation.central;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Every workstation's audit chain as central verified it, for IT (`central audit-status`) and, later, the F8 view. */
public final class AuditChains {

    /** One workstation's chain: verified from 1 to {@code verified}, the newest row received, the first break if any. */
    public record State(String workstationCode, long verified, long received, String problemKind, Long problemSequence) {
        public boolean intact() {
            return problemKind == null;
        }
    }

    private final DataSource central;

    public AuditChains(DataSource central) {
        this.central = central;
    }

    public List<State> all() throws SQLException {
        List<State> states = new ArrayList<>();
        try (Connection c = central.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT workstation_code, verified_sequence, received_sequence, problem_kind, problem_sequence"
                        + " FROM audit_chain_state ORDER BY workstation_code");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long problemAt = rs.getLong(5);
                states.add(new State(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.wasNull() ? null : problemAt));
            }
        }
        return states;
    }
}
