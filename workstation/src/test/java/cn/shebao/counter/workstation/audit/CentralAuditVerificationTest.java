package cn.shebao.counter.workstation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.pki.CertificateAuthority;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.sync.Pusher;
import cn.shebao.counter.workstation.sync.ServiceClient;
import cn.shebao.counter.workstation.testing.TestCentral;
import cn.shebao.counter.workstation.testing.TestPostgres;
import cn.shebao.counter.workstation.wire.ApplyResult;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import cn.shebao.counter.workstation.wire.CountersignedHead;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Central verifies each workstation's audit chain as it arrives and countersigns the verified head, through the real
 * service: an intact chain is verified to its end and its head countersigned; a chain then rewritten and re-hashed at
 * the window verifies by itself but not against that head, nor does one cut short; a row whose content does not give
 * its hash, a gap, and another node's row are caught at central without wedging the queue; a head the centre did not
 * sign is never kept.
 */
class CentralAuditVerificationTest {

    @TempDir
    Path tmp;

    @Test
    void centralVerifiesShippedChainsAndItsCountersignatureCatchesALocalRewrite() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase(); TestCentral central = TestCentral.start(pg.dataSource(), tmp.resolve("pki"));
                Replica replica = Replica.open(new DataDirectory(tmp.resolve("data")),
                        new KeyStoreKeyProtector(tmp.resolve("keys"), "chain".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE))) {
            ServiceClient service = central.machine("CHAIN-01");
            Outbox outbox = new Outbox(replica.sessions(), Clock.systemUTC(), TimeOrderedIds.system());
            AuditLog audit = new AuditLog(replica.sessions(), Clock.systemUTC(), TimeOrderedIds.system(), "CHAIN-01").shipTo(outbox);
            UUID clerk = UUID.randomUUID();
            for (int i = 0; i < 3; i++) {
                audit.append(new AuditEntry(clerk, "clerk1", "citizen.record.open", "InsuredPerson", "p" + i, "TELEPHONE_ENQUIRY", "BASIC"));
            }
            assertThat(new Pusher(outbox, service, "CHAIN-01").push(10).acknowledged()).isEqualTo(3);
            assertThat(chainState(pg, "CHAIN-01")).isEqualTo("verified=3 received=3 problem=null@null");

            PublicKey centre = central.ca().certificate().getPublicKey();
            CountersignedHeads heads = new CountersignedHeads(replica.sessions(), "CHAIN-01", centre);
            assertThat(heads.refresh(service)).isTrue();
            assertThat(heads.kept()).hasValueSatisfying(h -> {
                assertThat(h.sequence()).isEqualTo(3);
                assertThat(h.signedBy(centre)).isTrue();
            });
            assertThat(heads.refresh(service)).as("nothing new shipped: no request, nothing kept").isFalse();
            assertThat(new AuditVerifier(replica.sessions(), centre).verify().intact()).isTrue();

            // Someone with the replica rewrites record 2 and re-hashes everything after it, head included.
            rewriteFrom(replica, 2, "forged detail");
            assertThat(new AuditVerifier(replica.sessions(), centre).verify().problems())
                    .containsExactly(new AuditVerification.Problem(AuditVerification.Kind.COUNTERSIGN_MISMATCH, 3));
            // Cutting the chain back below the countersigned head is caught too.
            replica.sessions().inTransaction(s -> {
                s.createNativeMutationQuery("DELETE FROM audit_event WHERE sequence_number = 3").executeUpdate();
                String h2 = s.createNativeQuery("SELECT entry_hash FROM audit_event WHERE sequence_number = 2", String.class)
                        .getSingleResult();
                s.createNativeMutationQuery("UPDATE audit_chain_head SET last_sequence = 2, last_hash = ?1").setParameter(1, h2)
                        .executeUpdate();
            });
            assertThat(new AuditVerifier(replica.sessions(), centre).verify().problems())
                    .containsExactly(new AuditVerification.Problem(AuditVerification.Kind.TRUNCATED, 3));

            // A head signed by another key is never kept.
            CertificateAuthority stranger = CertificateAuthority.create("Not the centre");
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            CountersignedHead forged = new CountersignedHead("CHAIN-01", 99, "f".repeat(64), at,
                    stranger.sign(CountersignedHead.message("CHAIN-01", 99, "f".repeat(64), at)));
            audit.append(new AuditEntry(clerk, "clerk1", "citizen.record.open", "InsuredPerson", "p9", "TELEPHONE_ENQUIRY", "BASIC"));
            assertThat(heads.refresh(() -> Optional.of(forged))).isFalse();
            assertThat(heads.kept()).hasValueSatisfying(h -> assertThat(h.sequence()).isEqualTo(3));
        }
    }

    @Test
    void anEditedRowAGapAndAnotherNodesRowAreCaughtAtCentralWithoutWedgingTheQueue() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase(); TestCentral central = TestCentral.start(pg.dataSource(), tmp.resolve("pki"))) {
            ServiceClient edited = central.machine("CHAIN-02");
            AuditEvent first = event("CHAIN-02", 1, AuditChain.GENESIS_HASH, "one");
            AuditEvent second = event("CHAIN-02", 2, first.getEntryHash(), "two");
            // The content of row 2 changed after it was hashed: its hash no longer fits.
            String tampered = AuditPayload.of(second).replace("\"two\"", "\"changed\"");
            List<ApplyResult> answers = edited.push(List.of(envelope("CHAIN-02", 1, AuditPayload.of(first)),
                    envelope("CHAIN-02", 2, tampered),
                    envelope("CHAIN-02", 3, AuditPayload.of(event("CHAIN-02", 3, second.getEntryHash(), "three")))));
            assertThat(answers).extracting(ApplyResult::status).containsOnly(ApplyResult.Status.APPLIED);
            assertThat(chainState(pg, "CHAIN-02")).isEqualTo("verified=1 received=3 problem=EDITED@2");

            ServiceClient gap = central.machine("CHAIN-03");
            AuditEvent one = event("CHAIN-03", 1, AuditChain.GENESIS_HASH, "one");
            AuditEvent three = event("CHAIN-03", 3, "a".repeat(64), "three");
            assertThat(gap.push(List.of(envelope("CHAIN-03", 1, AuditPayload.of(one)),
                    envelope("CHAIN-03", 2, AuditPayload.of(three))))).extracting(ApplyResult::status)
                    .containsOnly(ApplyResult.Status.APPLIED);
            assertThat(chainState(pg, "CHAIN-03")).isEqualTo("verified=1 received=3 problem=GAP@3");

            // CHAIN-03 ships a row of CHAIN-02's chain: refused as a conflict, the queue moves on.
            assertThat(gap.push(List.of(envelope("CHAIN-03", 3, AuditPayload.of(event("CHAIN-02", 4, "b".repeat(64), "x"))))))
                    .extracting(ApplyResult::detail).containsExactly("AUDIT_OTHER_NODE");
            assertThat(central.machine("CHAIN-04").countersignedHead()).as("nothing verified of an unknown chain").isEmpty();
            // What IT sees with `central audit-status`.
            assertThat(new cn.shebao.counter.workstation.central.AuditChains(pg.dataSource()).all())
                    .filteredOn(c -> c.workstationCode().startsWith("CHAIN-"))
                    .containsExactly(new cn.shebao.counter.workstation.central.AuditChains.State("CHAIN-02", 1, 3, "EDITED", 2L),
                            new cn.shebao.counter.workstation.central.AuditChains.State("CHAIN-03", 1, 3, "GAP", 3L));
            assertThat(edited.countersignedHead()).hasValueSatisfying(h -> assertThat(h.sequence()).isEqualTo(1));
        }
    }

    private static AuditEvent event(String workstation, long sequence, String previous, String detail) {
        return new AuditEvent(UUID.randomUUID(), sequence, Instant.now().truncatedTo(ChronoUnit.MILLIS), workstation,
                new AuditEntry(null, "clerk1", "citizen.record.open", "InsuredPerson", "p", "TELEPHONE_ENQUIRY", detail), previous);
    }

    private static CommandEnvelope envelope(String node, long sequence, String payload) {
        return new CommandEnvelope(node, sequence, UUID.randomUUID(), "AUDIT_EVENT", 1, payload, null, "clerk1");
    }

    /** Changes one record's detail and re-hashes it and every record after it, and the head: a careful forger. */
    private static void rewriteFrom(Replica replica, long from, String detail) {
        replica.sessions().inTransaction(s -> s.createNativeMutationQuery(
                "UPDATE audit_event SET detail = ?1 WHERE sequence_number = ?2").setParameter(1, detail).setParameter(2, from)
                .executeUpdate());
        long last = replica.sessions().fromTransaction(s -> s.createSelectionQuery("select max(sequenceNumber) from AuditEvent",
                Long.class).getSingleResult());
        String previous = null;
        for (long q = from; q <= last; q++) {
            if (previous != null) {
                relink(replica, q, previous);
            }
            previous = rehash(replica, q);
        }
        String head = previous;
        replica.sessions().inTransaction(s -> s.createNativeMutationQuery("UPDATE audit_chain_head SET last_hash = ?1")
                .setParameter(1, head).executeUpdate());
    }

    private static void relink(Replica replica, long sequence, String previous) {
        replica.sessions().inTransaction(s -> s.createNativeMutationQuery("UPDATE audit_event SET previous_hash = ?1 WHERE sequence_number = ?2")
                .setParameter(1, previous).setParameter(2, sequence).executeUpdate());
    }

    private static String rehash(Replica replica, long sequence) {
        String hash = replica.sessions().fromTransaction(s -> AuditChain.hash(s.createSelectionQuery(
                "from AuditEvent where sequenceNumber = :q", AuditEvent.class).setParameter("q", sequence).getSingleResult()));
        replica.sessions().inTransaction(s -> s.createNativeMutationQuery("UPDATE audit_event SET entry_hash = ?1 WHERE sequence_number = ?2")
                .setParameter(1, hash).setParameter(2, sequence).executeUpdate());
        return hash;
    }

    private static String chainState(TestPostgres pg, String node) throws Exception {
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT verified_sequence, received_sequence, problem_kind, problem_sequence FROM audit_chain_state WHERE workstation_code = ?")) {
            ps.setString(1, node);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("chain state of %s", node).isTrue();
                return "verified=" + rs.getLong(1) + " received=" + rs.getLong(2) + " problem=" + rs.getString(3) + "@" + rs.getObject(4);
            }
        }
    }
}
