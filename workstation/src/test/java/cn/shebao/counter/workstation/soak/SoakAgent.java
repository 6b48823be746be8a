package cn.shebao.counter.workstation.soak;

import cn.shebao.counter.device.card.CardDecodingException;
import cn.shebao.counter.device.card.CardJson;
import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.workstation.app.Workstation;
import cn.shebao.counter.workstation.app.WorkstationOptions;
import cn.shebao.counter.workstation.certificates.CertificateContent;
import cn.shebao.counter.workstation.certificates.DocumentType;
import cn.shebao.counter.workstation.citizen.AccessPurpose;
import cn.shebao.counter.workstation.citizen.CitizenRecords;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.drugs.Decision;
import cn.shebao.counter.workstation.drugs.DrugApplications;
import cn.shebao.counter.workstation.drugs.RegistrationRequest;
import cn.shebao.counter.workstation.drugs.SpecialDrug;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.identity.IdentityConfirmation;
import cn.shebao.counter.workstation.identity.IdentityConfirmations;
import cn.shebao.counter.workstation.identity.PermissionScope;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.security.LoginOutcome;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.store.DiskFull;
import cn.shebao.counter.workstation.sync.SyncEngine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One workstation of the soak, in a process of its own: the production composition ({@link Workstation#open}) on an
 * enrolled data directory, its background sync included, driven line by line on standard input as a clerk and a
 * supervisor would drive it through the screens' services, and answering on standard output. One operation at a time,
 * as at a real window. Protocol (one line each):
 *
 * <pre>
 *   in:  ID OP [PERSON CARD] OP: CONFIRM ISSUE RESET (with the card: Base64 of its JSON, as the reader gave it),
 *                            DRUG PERSON, DECIDE, RESOLVE, DOCUMENT PERSON (a participation certificate)
 *        CLOCK SECONDS      jump the machine clock
 *        SYNC               sync now (the drain)
 *        QUIT               close cleanly and exit
 *   out: READY
 *        ID OK [DETAIL] | ID REFUSED KEY | ID ERROR CLASS
 *        STATUS pending=N online=true|false problem=P lastPull=EPOCH_MS now=EPOCH_MS
 * </pre>
 */
public final class SoakAgent {

    private final Workstation workstation;
    private final StaffSession clerk;
    private final StaffSession supervisor;
    private final char[] supervisorPassword;
    private final PrintStream out;
    private final CertificateContent certificates;

    private SoakAgent(Workstation workstation, StaffSession clerk, StaffSession supervisor, char[] supervisorPassword, PrintStream out) {
        this.workstation = workstation;
        this.clerk = clerk;
        this.supervisor = supervisor;
        this.supervisorPassword = supervisorPassword;
        this.out = out;
        this.certificates = new CertificateContent(workstation.clock().getZone());
    }

    /** args: data directory, clerk's username, supervisor's username (demo staff of the central seed). */
    public static void main(String[] args) throws Exception {
        // System.out itself, the stream the log's console appender writes to: one lock for both, so an answer is never
        // cut in half by a log line (a second stream on the same descriptor did that, and the runner lost the answer).
        PrintStream out = System.out;
        JumpingClock clock = new JumpingClock(Clock.systemDefaultZone());
        Workstation workstation = Workstation.open(new WorkstationOptions(new DataDirectory(Path.of(args[0])), false, 0), clock, p -> { });
        List<DemoDataGenerator.DemoStaff> staff = DemoDataGenerator.demoStaff(SoakPlan.CENTRAL_SEED);
        char[] supervisorPassword = password(staff, args[2]);
        SoakAgent agent = new SoakAgent(workstation, login(workstation, args[1], password(staff, args[1])),
                login(workstation, args[2], supervisorPassword), supervisorPassword, out);
        Thread status = new Thread(agent::reportStatus, "soak-status");
        status.setDaemon(true);
        status.start();
        out.println("READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] w = line.strip().split(" ");
            switch (w[0]) {
                case "QUIT" -> {
                    workstation.close();
                    out.println("BYE");
                    System.exit(0); // a child process of the soak: the runner waits for this exit to open the replica
                }
                case "CLOCK" -> clock.jump(Duration.ofSeconds(Long.parseLong(w[1])));
                case "SYNC" -> workstation.sync().ifPresent(SyncEngine::syncNow);
                default -> agent.run(w);
            }
        }
        workstation.close(); // the runner went away
    }

    private static char[] password(List<DemoDataGenerator.DemoStaff> staff, String username) {
        return staff.stream().filter(s -> s.username().equals(username)).findFirst().orElseThrow().demoPassword().toCharArray();
    }

    private static StaffSession login(Workstation workstation, String username, char[] password) {
        LoginOutcome outcome = workstation.authenticator().login(username, password);
        if (outcome instanceof LoginOutcome.Success ok) {
            return ok.session();
        }
        throw new IllegalStateException("cannot log in as " + username + ": " + outcome);
    }

    private void run(String[] w) {
        String id = w[0];
        try {
            String detail = switch (w[1]) {
                case "CONFIRM" -> confirm(UUID.fromString(w[2]), card(w[3])).getId().toString();
                case "ISSUE" -> issue(UUID.fromString(w[2]), card(w[3]));
                case "RESET" -> reset(UUID.fromString(w[2]), card(w[3]));
                case "DRUG" -> drug(UUID.fromString(w[2]));
                case "DECIDE" -> decide();
                case "RESOLVE" -> resolve();
                case "DOCUMENT" -> document(UUID.fromString(w[2]));
                default -> throw new IllegalArgumentException("unknown operation " + w[1]);
            };
            out.println(id + " OK " + detail);
        } catch (LocalizedException e) {
            out.println(id + " REFUSED " + e.key());
        } catch (RuntimeException e) {
            // Reported, not hidden: the runner counts errors, and a disk-full or a killed peer is expected to show here.
            String kind = DiskFull.causedBy(e) ? "DiskFull" : e.getClass().getSimpleName();
            out.println(id + " ERROR " + kind + ": " + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
    }

    private static IdCard card(String base64) {
        try {
            return CardJson.read(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
        } catch (CardDecodingException e) {
            throw new IllegalArgumentException("the runner sent a card that does not decode", e);
        }
    }

    private IdentityConfirmation confirm(UUID personId, IdCard card) {
        return workstation.confirmations().confirmByCard(clerk, personId, card, IdentityConfirmations.FaceCheck.MATCHES);
    }

    private String issue(UUID personId, IdCard card) {
        IdentityConfirmation c = confirm(personId, card);
        return workstation.credentials().issue(clerk, personId, c.getId(), PermissionScope.QUERY_ONLY,
                workstation.credentials().suggestUsername()).toString();
    }

    private String reset(UUID personId, IdCard card) {
        IdentityConfirmation c = confirm(personId, card);
        Optional<UUID> account = workstation.credentials().accountOf(personId).current().map(a -> a.getId());
        if (account.isEmpty()) {
            throw new LocalizedException("credential.error.noAccount");
        }
        return workstation.credentials().resetPassword(clerk, account.get(), c.getId()).toString();
    }

    private String drug(UUID personId) {
        SpecialDrug drug = workstation.drugCatalogue().search(SoakPlan.DRUG_CODE).stream()
                .filter(d -> d.getDrugCode().equals(SoakPlan.DRUG_CODE)).findFirst().orElseThrow();
        LocalDate from = LocalDate.now(workstation.clock()).plusDays(1);
        return workstation.drugApplications().register(clerk, new RegistrationRequest(personId, drug.getId(), "M05.9", "浙江省人民医院",
                "李医生", from, from.plusMonths(6), null, true, true, true)).getId().toString();
    }

    /** Opens the record with the citizen at the window and issues a participation certificate (numbered, rendered). */
    private String document(UUID personId) {
        CitizenRecords.Opened opened = workstation.citizenRecords().open(clerk, personId, AccessPurpose.WINDOW_WITH_ID);
        return workstation.documents().issue(opened.access(), DocumentType.PARTICIPATION_CERTIFICATE,
                stamp -> certificates.certificate(opened.profile(), opened.access().purpose(), stamp)).documentId().toString();
    }

    /** The oldest pending application this supervisor did not register (four eyes: never one's own). */
    private String decide() {
        DrugApplications applications = workstation.drugApplications();
        Optional<DrugApplications.Pending> next = applications.worklist(supervisor, 0).stream()
                .filter(p -> !supervisor.userId().equals(p.application().getRegisteredBy())).findFirst();
        if (next.isEmpty()) {
            return "nothing";
        }
        var a = next.get().application();
        applications.decide(supervisor, supervisorPassword.clone(), List.of(new Decision.Approve(a.getId(), a.getPlannedFrom(),
                a.getPlannedTo(), new BigDecimal("9000"))));
        return a.getId().toString();
    }

    private String resolve() {
        var open = workstation.conflicts().open();
        if (open.isEmpty()) {
            return "nothing";
        }
        UUID id = open.get(0).getId();
        workstation.conflicts().resolve(supervisor, supervisorPassword.clone(), id, "soak");
        return id.toString();
    }

    private void reportStatus() {
        while (true) {
            Optional<SyncEngine.Status> s = workstation.sync().map(SyncEngine::status);
            s.ifPresent(st -> out.println("STATUS pending=" + st.pending() + " online=" + st.online() + " problem=" + st.problem()
                    + " lastPull=" + (st.lastPull() == null ? 0 : st.lastPull().toEpochMilli()) + " now=" + workstation.clock().instant().toEpochMilli()));
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
