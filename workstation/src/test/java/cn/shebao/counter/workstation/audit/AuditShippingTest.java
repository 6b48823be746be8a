package cn.shebao.counter.workstation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.central.CommandApplier;
import cn.shebao.counter.workstation.central.CommandHandlers;
import cn.shebao.counter.workstation.central.ShippedAuditEvent;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.sync.Pusher;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit chain reaches central row by row, once, with the hashes the workstation wrote. */
class AuditShippingTest {

    @TempDir
    Path tmp;

    @Test
    void everyAuditedActionIsShippedOnceWithItsHash() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase()) {
            Migrations.migrate(pg.dataSource(), Migrations.Role.CENTRAL);
            try (SessionFactory central = CentralSchema.unit(PersistenceUnit.SchemaCheck.VALIDATE).create(pg.dataSource());
                    Replica replica = Replica.open(new DataDirectory(tmp.resolve("data")),
                            new KeyStoreKeyProtector(tmp.resolve("keys"), "ship".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE))) {
                CommandApplier applier = new CommandApplier(central, CommandHandlers.all(Clock.systemUTC()), Clock.systemUTC(),
                        TimeOrderedIds.system());
                applier.register("SHIP-01");
                Outbox outbox = new Outbox(replica.sessions(), Clock.systemUTC(), TimeOrderedIds.system());
                AuditLog audit = new AuditLog(replica.sessions(), Clock.systemUTC(), TimeOrderedIds.system(), "SHIP-01").shipTo(outbox);
                UUID clerk = UUID.randomUUID();
                for (int i = 0; i < 3; i++) {
                    audit.append(new AuditEntry(clerk, "clerk1", "citizen.record.open", "InsuredPerson", "p" + i, "TELEPHONE_ENQUIRY", "BASIC"));
                }
                assertThat(outbox.pendingCount()).isEqualTo(3);
                Pusher pusher = new Pusher(outbox, applier, "SHIP-01");
                assertThat(pusher.push(10).acknowledged()).isEqualTo(3);
                List<AuditEvent> local = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                        "from AuditEvent order by sequenceNumber", AuditEvent.class).getResultList());
                List<ShippedAuditEvent> shipped = central.fromTransaction(s -> s.createSelectionQuery(
                        "from ShippedAuditEvent where workstationCode = 'SHIP-01' order by sequenceNumber", ShippedAuditEvent.class)
                        .getResultList());
                assertThat(shipped).extracting(ShippedAuditEvent::getEntryHash)
                        .containsExactlyElementsOf(local.stream().map(AuditEvent::getEntryHash).toList());
                assertThat(shipped).extracting(ShippedAuditEvent::getSequenceNumber).containsExactly(1L, 2L, 3L);
                assertThat(new AuditVerifier(replica.sessions()).verify().intact()).isTrue();
            }
        }
    }
}
