package cn.shebao.counter.workstation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.MutableClock;
import cn.shebao.counter.workstation.wire.CountersignedHead;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found by the fault soak: keeping central's countersignature while clerks' actions were audited wrote a stale last
 * sequence back into the chain head, and from then on every audited action at that window failed on a duplicate
 * sequence (it could not even log in). Here appends and countersignatures race; the head must always end at the
 * last event and the chain stay whole.
 */
class CountersignRaceTest {

    @TempDir
    Path tmp;

    @Test
    void keepingACountersignatureNeverPutsBackAStaleHead() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"), ZoneId.of("Asia/Shanghai"));
        try (DemoReplica demo = DemoReplica.generate(tmp, 10, clock)) {
            SessionFactory sessions = demo.replica().sessions();
            AuditLog audit = new AuditLog(sessions, clock, TimeOrderedIds.system(), "RACE-01");
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair centre = g.generateKeyPair();
            // Central countersigns whatever it has received so far: the newest event, as a sync round would find it.
            AtomicInteger signed = new AtomicInteger();
            CountersignedHeads heads = new CountersignedHeads(sessions, "RACE-01", centre.getPublic());
            AtomicBoolean appending = new AtomicBoolean(true);
            Thread countersigning = new Thread(() -> {
                while (appending.get()) {
                    if (heads.refresh(() -> newest(sessions, centre))) {
                        signed.incrementAndGet();
                    }
                }
            });
            countersigning.start();
            AtomicInteger failures = new AtomicInteger();
            Thread[] clerks = new Thread[2];
            for (int c = 0; c < clerks.length; c++) {
                int clerk = c;
                clerks[c] = new Thread(() -> {
                    for (int i = 0; i < 400; i++) {
                        try {
                            audit.append(AuditEntry.system("test.race", "clerk " + clerk + " action " + i));
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        }
                    }
                });
                clerks[c].start();
            }
            for (Thread t : clerks) {
                t.join();
            }
            appending.set(false);
            countersigning.join();

            assertThat(failures.get()).as("appends that failed (a stale head makes every later one a duplicate)").isZero();
            assertThat(signed.get()).as("countersignatures kept while appending").isGreaterThan(10);
            long last = sessions.fromTransaction(s -> s.createSelectionQuery("select max(sequenceNumber) from AuditEvent", Long.class)
                    .getSingleResult());
            long head = sessions.fromTransaction(s -> s.find(AuditChainHead.class, AuditChainHead.SINGLETON_ID).getLastSequence());
            assertThat(head).isEqualTo(last);
            audit.append(AuditEntry.system("test.race", "after")); // the window still works
            assertThat(new AuditVerifier(sessions).verify().problems()).isEmpty();
        }
    }

    private static Optional<CountersignedHead> newest(SessionFactory sessions, KeyPair centre) {
        Object[] row = sessions.fromTransaction(s -> s.createSelectionQuery("select sequenceNumber, entryHash from AuditEvent"
                + " order by sequenceNumber desc", Object[].class).setMaxResults(1).getSingleResult());
        Instant at = Instant.now();
        try {
            Signature sig = Signature.getInstance(CountersignedHead.ALGORITHM);
            sig.initSign(centre.getPrivate());
            sig.update(CountersignedHead.message("RACE-01", (Long) row[0], (String) row[1], at));
            return Optional.of(new CountersignedHead("RACE-01", (Long) row[0], (String) row[1], at,
                    Base64.getEncoder().encodeToString(sig.sign())));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
