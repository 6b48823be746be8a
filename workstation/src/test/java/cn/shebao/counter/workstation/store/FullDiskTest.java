package cn.shebao.counter.workstation.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.app.DemoMode;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.demo.DemoCards;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.identity.IdentityConfirmations;
import cn.shebao.counter.workstation.security.LoginOutcome;
import cn.shebao.counter.workstation.security.LoginPolicy;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.DiskLimit;
import cn.shebao.counter.workstation.testing.MutableClock;
import cn.shebao.counter.workstation.ui.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replica on a disk that really fills (a size-limited tmpfs of its own): the step of that moment fails whole with
 * the message that the disk is full, nothing half stored, and the next step after space returns works without a
 * restart. CI runs as root, so there it always runs; a developer's machine without mount rights says why it cannot.
 */
class FullDiskTest {

    @TempDir
    Path tmp;

    @Test
    void aFullDiskRefusesTheStepInWordsKeepsEverythingAndRecoversWhenSpaceReturns() throws Exception {
        DiskLimit.assumeAvailableOrFailInCi();
        Path disk = tmp.resolve("disk");
        DiskLimit.mount(disk);
        try {
            MutableClock clock = new MutableClock(DemoReplica.AS_OF.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                    ZoneId.of("Asia/Shanghai"));
            try (DemoReplica demo = DemoReplica.generate(disk, 20, clock)) {
                SessionFactory sessions = demo.replica().sessions();
                StaffAuthenticator authenticator = new StaffAuthenticator(sessions, new PasswordHasher(), demo.audit(), clock,
                        LoginPolicy.standard());
                Outbox outbox = new Outbox(sessions, clock, TimeOrderedIds.system());
                IdentityConfirmations confirmations = new IdentityConfirmations(sessions, authenticator, outbox, demo.audit(), clock,
                        TimeOrderedIds.system(), "TEST-01");
                StaffSession clerk = ((LoginOutcome.Success) authenticator.login("chenjing", DemoDataGenerator.demoStaff(DemoMode.SEED)
                        .stream().filter(s -> s.username().equals("chenjing")).findFirst().orElseThrow().demoPassword().toCharArray()))
                        .session();
                List<InsuredPerson> people = sessions.fromTransaction(s -> s.createSelectionQuery("from InsuredPerson order by id",
                        InsuredPerson.class).getResultList());
                confirmations.confirmByCard(clerk, people.get(0).getId(), DemoCards.cardOf(people.get(0)),
                        IdentityConfirmations.FaceCheck.MATCHES);
                long queued = outbox.pendingCount();
                cn.shebao.counter.workstation.audit.AuditVerifier verifier = new cn.shebao.counter.workstation.audit.AuditVerifier(sessions);

                long filled = DiskLimit.fill(disk);
                assertThat(Files.getFileStore(disk).getUsableSpace()).as("the disk is full").isLessThan(8192);
                // Enough steps that Derby must write pages and log past what it had in memory: the first to need the disk
                // fails, and the clerk goes on trying while the disk stays full, as at a real window (in the soak, a commit
                // whose log could not be written then left Derby read-only for good until it booted again).
                Throwable failure = null;
                int failures = 0;
                for (int i = 1; i < people.size() - 1; i++) {
                    InsuredPerson p = people.get(i);
                    try {
                        confirmations.confirmByCard(clerk, p.getId(), DemoCards.cardOf(p), IdentityConfirmations.FaceCheck.MATCHES);
                        queued++;
                    } catch (RuntimeException e) {
                        failure = failure == null ? e : failure;
                        failures++;
                    }
                }
                System.out.println("FullDiskTest: " + failures + " steps failed on the full disk");
                assertThat(failure).as("a step failed on the full disk (" + filled + " bytes of filler)").isNotNull();
                assertThat(DiskFull.causedBy(failure)).as("told apart from other failures: %s", failure).isTrue();
                assertThat(new Texts(Locale.SIMPLIFIED_CHINESE).describe(failure)).contains("磁盘已满");
                assertThat(new Texts(Locale.ENGLISH).describe(failure)).contains("disk is full");

                DiskLimit.free(disk);
                InsuredPerson last = people.get(people.size() - 1);
                confirmations.confirmByCard(clerk, last.getId(), DemoCards.cardOf(last), IdentityConfirmations.FaceCheck.MATCHES);
                assertThat(demo.replica().dataSource().storageRestarts()).as("the replica was restarted after the failure")
                        .isPositive();
                // The failed steps left no command half written; everything else is there, the audit chain unbroken.
                assertThat(outbox.pendingCount()).isEqualTo(queued + 1);
                var verification = verifier.verify();
                assertThat(verification.problems()).isEmpty();
                assertThat(verification.rowsChecked()).isEqualTo(verifier.headSequence());
            }
        } finally {
            DiskLimit.unmount(disk);
        }
    }
}
