package cn.shebao.counter.workstation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workstation clock an hour slow is corrected by central's (PostgreSQL's) time; a clock set back is flagged. */
class CentralTimeTest {

    @TempDir
    Path tmp;

    @Test
    void correctsTheLocalClockByCentralsAndRemembersItAcrossRestarts() throws Exception {
        MutableClock local = new MutableClock(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC); // an hour slow
        {
            DataDirectory dir = new DataDirectory(tmp.resolve("data"));
            KeyStoreKeyProtector keys = new KeyStoreKeyProtector(tmp.resolve("keys"), "central-time".toCharArray());
            try (Replica replica = Replica.open(dir, keys, DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE))) {
                CentralTime time = CentralTime.open(local, replica.dataSource());
                assertThat(time.reading().measuredAt()).isNull();
                assertThat(time.instant()).isEqualTo(local.instant());
                time.measure(Instant::now); // central's clock: the real time, an hour ahead of the slow local one
                assertThat(time.reading().offset()).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
                assertThat(Duration.between(Instant.now(), time.instant()).abs()).isLessThan(Duration.ofSeconds(5));
                assertThat(time.reading().wentBackwards()).isFalse();
            }
            try (Replica replica = Replica.open(dir, keys, DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE))) {
                CentralTime again = CentralTime.open(local, replica.dataSource()); // offline restart: the offset stays
                assertThat(again.reading().offset()).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
                again.checkpoint();
                local.advance(Duration.ofMinutes(-10)); // someone sets the clock back
                again.checkpoint();
                assertThat(again.reading().wentBackwards()).isTrue();
            }
        }
    }
}
