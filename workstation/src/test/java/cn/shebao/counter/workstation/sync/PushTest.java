package cn.shebao.counter.workstation.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.central.CommandApplier;
import cn.shebao.counter.workstation.command.ChangeLogEntry;
import cn.shebao.counter.workstation.command.CommandHandler;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.command.OutboxCommand;
import cn.shebao.counter.workstation.command.OutboxState;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.TestPostgres;
import cn.shebao.counter.workstation.wire.ApplyResult;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands up: the encrypted Derby replica's outbox pushed to a real PostgreSQL central database. */
class PushTest {

    private static TestPostgres pg;
    private static SessionFactory central;

    @TempDir
    Path tmp;
    private Replica replica;
    private Outbox outbox;
    private final AtomicInteger handled = new AtomicInteger();
    private CommandApplier applier;
    private String node;

    @BeforeAll
    static void centralDatabase() {
        pg = TestPostgres.createDatabase();
        Migrations.migrate(pg.dataSource(), Migrations.Role.CENTRAL);
        central = CentralSchema.unit(PersistenceUnit.SchemaCheck.VALIDATE).create(pg.dataSource());
    }

    @AfterAll
    static void dropCentral() {
        central.close();
        pg.close();
    }

    @BeforeEach
    void workstation() {
        replica = Replica.open(new DataDirectory(tmp.resolve("data")), new KeyStoreKeyProtector(tmp.resolve("keys"),
                "push-test".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE));
        outbox = new Outbox(replica.sessions(), Clock.systemUTC(), TimeOrderedIds.system());
        applier = applier(Map.of(
                // Stand-ins for the feature handlers: one applies and logs a change, one reports a business conflict.
                CommandType.AUDIT_EVENT.name(), (s, c, changes) -> {
                    handled.incrementAndGet();
                    changes.record(s, "audit_event", UUID.randomUUID(), 0, ChangeLogEntry.Operation.UPSERT, c.nodeCode());
                    return CommandHandler.HandlerOutcome.ok();
                },
                CommandType.CREDENTIAL_ISSUED.name(), (s, c, changes) -> {
                    handled.incrementAndGet();
                    return CommandHandler.HandlerOutcome.conflict("CREDENTIAL_ALREADY_ACTIVE", "citizen already has an active account");
                }));
        node = "T-" + UUID.randomUUID().toString().substring(0, 8);
        applier.register(node);
    }

    @AfterEach
    void close() throws IOException {
        replica.close();
    }

    private static CommandApplier applier(Map<String, CommandHandler> handlers) {
        return new CommandApplier(central, handlers, Clock.systemUTC(), TimeOrderedIds.system());
    }

    private void append(CommandType type, int n) {
        replica.sessions().inTransaction(s -> {
            for (int i = 0; i < n; i++) {
                outbox.append(s, type, "{\"n\":" + i + "}", null, "chenjing");
            }
        });
    }

    private long centralCount(String hql) {
        return central.fromTransaction(s -> s.createSelectionQuery(hql, Long.class).setParameter("n", node).getSingleResult());
    }

    @Test
    void outboxSequenceIsGapFreeAcrossRollbacksAndConcurrentWriters() throws Exception {
        assertThatThrownBy(() -> replica.sessions().inTransaction(s -> {
            outbox.append(s, CommandType.AUDIT_EVENT, "{}", null, "x");
            throw new IllegalStateException("the local change failed, so must its command");
        })).isInstanceOf(IllegalStateException.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> append(CommandType.AUDIT_EVENT, 25)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Long> sequences = outbox.pending(1000).stream().map(OutboxCommand::getSequenceNumber).toList();
        assertThat(sequences).hasSize(100);
        for (int i = 0; i < 100; i++) {
            assertThat(sequences.get(i)).isEqualTo(i + 1L);
        }
    }

    @Test
    void pushAppliesEveryCommandOnceInOrder() {
        append(CommandType.AUDIT_EVENT, 20);
        Pusher pusher = new Pusher(outbox, applier, node);
        Pusher.Report report = pusher.push(100);
        assertThat(report.complete()).isTrue();
        assertThat(report.acknowledged()).isEqualTo(20);
        assertThat(handled).hasValue(20);
        assertThat(outbox.pendingCount()).isZero();
        assertThat(centralCount("select count(*) from AppliedCommand where nodeCode = :n")).isEqualTo(20);
        assertThat(centralCount("select max(lastAppliedSequence) from SyncNode where nodeCode = :n")).isEqualTo(20);
        assertThat(pusher.push(100).acknowledged()).isZero();
        // Every applied change is in the change log, its sequence gap-free.
        List<Long> changes = central.fromTransaction(s -> s.createSelectionQuery(
                "select sequenceNumber from ChangeLogEntry where originNode = :n order by sequenceNumber", Long.class)
                .setParameter("n", node).getResultList());
        assertThat(changes).hasSize(20);
        assertThat(changes.get(19) - changes.get(0)).isEqualTo(19);
    }

    @Test
    void aCrashAfterCentralCommittedButBeforeTheLocalAckAppliesNothingTwice() {
        append(CommandType.AUDIT_EVENT, 3);
        OutboxCommand first = outbox.pending(1).get(0);
        // Central applied #1, then the workstation died before recording the acknowledgement.
        assertThat(applier.apply(new CommandEnvelope(node, 1, first.getCommandId(), first.getCommandType().name(), 1,
                first.getPayload(), null, "chenjing")).status()).isEqualTo(ApplyResult.Status.APPLIED);
        Pusher.Report report = new Pusher(outbox, applier, node).push(100);
        assertThat(report.acknowledged()).isEqualTo(3);
        assertThat(handled).hasValue(3);
        assertThat(centralCount("select count(*) from AppliedCommand where nodeCode = :n")).isEqualTo(3);
    }

    @Test
    void aGapOrAReusedSequenceIsRefused() {
        CommandEnvelope fifth = new CommandEnvelope(node, 5, UUID.randomUUID(), "AUDIT_EVENT", 1, "{}", null, "x");
        assertThat(applier.apply(fifth).status()).isEqualTo(ApplyResult.Status.REFUSED_GAP);
        CommandEnvelope first = new CommandEnvelope(node, 1, UUID.randomUUID(), "AUDIT_EVENT", 1, "{}", null, "x");
        assertThat(applier.apply(first).status()).isEqualTo(ApplyResult.Status.APPLIED);
        CommandEnvelope impostor = new CommandEnvelope(node, 1, UUID.randomUUID(), "AUDIT_EVENT", 1, "{}", null, "x");
        assertThat(applier.apply(impostor).status()).isEqualTo(ApplyResult.Status.REFUSED_SEQUENCE_REUSED);
        assertThat(applier.apply(new CommandEnvelope("NO-SUCH-NODE", 1, UUID.randomUUID(), "AUDIT_EVENT", 1, "{}", null, "x"))
                .status()).isEqualTo(ApplyResult.Status.REFUSED_UNKNOWN_NODE);
        assertThat(handled).hasValue(1);
    }

    @Test
    void aBusinessConflictIsRecordedAcknowledgedAndTheQueueMovesOn() {
        append(CommandType.CREDENTIAL_ISSUED, 1);
        append(CommandType.AUDIT_EVENT, 1);
        Pusher.Report report = new Pusher(outbox, applier, node).push(100);
        assertThat(report.complete()).isTrue();
        assertThat(report.acknowledged()).isEqualTo(2);
        List<OutboxCommand> all = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                "from OutboxCommand order by sequenceNumber", OutboxCommand.class).getResultList());
        assertThat(all).extracting(OutboxCommand::getState).containsExactly(OutboxState.CONFLICT, OutboxState.APPLIED);
        assertThat(centralCount("select count(*) from SyncConflict where nodeCode = :n and status = 'OPEN'")).isEqualTo(1);
    }

    @Test
    void aCommandCentralDoesNotKnowYetHoldsTheQueueInOrder() {
        append(CommandType.DOCUMENT_ISSUED, 1);
        append(CommandType.AUDIT_EVENT, 1);
        Pusher.Report report = new Pusher(outbox, applier, node).push(100);
        assertThat(report.acknowledged()).isZero();
        assertThat(report.refusal().status()).isEqualTo(ApplyResult.Status.REFUSED_UNKNOWN_COMMAND);
        assertThat(outbox.pendingCount()).isEqualTo(2);
        assertThat(handled).hasValue(0);
    }

    @Test
    void anUnreachableCentralStopsThePushAndLosesNothing() {
        append(CommandType.AUDIT_EVENT, 2);
        SessionFactory gone = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).create(pg.dataSource());
        gone.close();
        CommandApplier unreachable = new CommandApplier(gone, Map.of(), Clock.systemUTC(), TimeOrderedIds.system());
        Pusher.Report report = new Pusher(outbox, unreachable, node).push(100);
        assertThat(report.error()).isNotNull();
        assertThat(report.acknowledged()).isZero();
        assertThat(outbox.pendingCount()).isEqualTo(2);
        assertThat(new Pusher(outbox, applier, node).push(100).acknowledged()).isEqualTo(2);
    }

    @Test
    void backoffDoublesWithJitterUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new SplittableRandom(1));
        long[] steps = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
        for (long step : steps) {
            long d = backoff.nextDelay().toMillis();
            assertThat(d).isBetween(step / 2, step);
        }
        backoff.succeeded();
        assertThat(backoff.nextDelay().toMillis()).isBetween(250L, 500L);
    }
}
