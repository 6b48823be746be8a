package cn.shebao.counter.workstation.testing;

import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import cn.shebao.counter.workstation.wire.Payloads;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** What tests of the central service read from the central database and send as a workstation would. */
public final class CentralRows {

    private CentralRows() {
    }

    /** Fills an already migrated central database with demo data, as `central seed` does. */
    public static void seed(DataSource central, cn.shebao.counter.workstation.demo.DemoDataGenerator.Settings settings) {
        try (org.hibernate.SessionFactory sessions = CentralSchema.unit(cn.shebao.counter.workstation.store.PersistenceUnit.SchemaCheck.NONE).create(central)) {
            new cn.shebao.counter.workstation.demo.DemoDataGenerator(settings)
                    .generate(new cn.shebao.counter.workstation.demo.HibernateDemoSink(sessions), (d, t, r) -> { });
        }
    }

    public static UUID staffId(DataSource central, String username) throws SQLException {
        try (Connection c = central.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT id FROM staff_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no staff user " + username + " at central");
                }
                return rs.getObject(1, UUID.class);
            }
        }
    }

    /**
     * The staff member's private signing key as central holds it sealed, opened with their demo password (the
     * password only the person knows in production).
     */
    public static java.security.PrivateKey signingKey(DataSource central, String username, long demoSeed) throws SQLException {
        String password = cn.shebao.counter.workstation.demo.DemoDataGenerator.demoStaff(demoSeed).stream()
                .filter(s -> s.username().equals(username)).findFirst().orElseThrow().demoPassword();
        try (Connection c = central.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT signing_key_sealed FROM staff_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return cn.shebao.counter.workstation.security.StaffSigningKey.unlock(rs.getString(1), password.toCharArray());
            }
        }
    }

    /** The command signed by {@code signer}'s key in the name of {@code signedBy}. */
    public static CommandEnvelope signed(CommandEnvelope c, UUID signedBy, java.security.PrivateKey signer) {
        return new CommandEnvelope(c.nodeCode(), c.sequence(), c.commandId(), c.commandType(), c.payloadVersion(), c.payload(),
                c.actorId(), c.actorName(), signedBy,
                cn.shebao.counter.workstation.wire.CommandSignatures.sign(signer, c.commandId(), c.commandType(), c.payload()));
    }

    /** Up to {@code n} citizens who never had an online account, in id order. */
    public static List<UUID> citizensWithoutAccount(DataSource central, int n) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = central.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM insured_person p WHERE NOT EXISTS (SELECT 1 FROM online_account a WHERE a.person_id = p.id) ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next() && ids.size() < n) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    /** A CREDENTIAL_ISSUED command as a workstation queues it, for the citizen and with a username of its own. */
    public static CommandEnvelope credentialIssued(String node, long sequence, UUID person, UUID clerk) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountId", UUID.randomUUID().toString());
        m.put("personId", person.toString());
        m.put("username", (node + "-" + sequence).toLowerCase(Locale.ROOT));
        m.put("passwordHash", "pbkdf2$600000$c2FsdA==$aGFzaA==");
        m.put("permissionScope", "ONLINE_BUSINESS");
        m.put("issuedBy", clerk.toString());
        m.put("issuedAt", Instant.now().toString());
        m.put("passwordExpiresAt", Instant.now().plusSeconds(30L * 86_400).toString());
        m.put("confirmationId", UUID.randomUUID().toString());
        return new CommandEnvelope(node, sequence, UUID.randomUUID(), "CREDENTIAL_ISSUED", 1, Payloads.write(m), clerk, "clerk");
    }
}
