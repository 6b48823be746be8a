package cn.shebao.counter.workstation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The boundary between the central service and the workstation, enforced by the build: the server holds no Swing
 * and no client sync code; the client never applies commands, reads the change log or serves requests itself, so
 * no workstation can hold the central database or its rules; the wire contract depends on neither side.
 */
class ServiceBoundaryTest {

    private static final String[] SERVER_ONLY = {
        "cn.shebao.counter.workstation.central.CommandApplier", "cn.shebao.counter.workstation.command.CommandHandler",
        "cn.shebao.counter.workstation.command.ChangeLog", "cn.shebao.counter.workstation.central.JdbcChangeSource",
        "cn.shebao.counter.workstation.central.JdbcSnapshotSource"};

    static final List<ArchRule> RULES = List.of(
            noClasses().that().resideInAPackage("..central..")
                    .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..", "..shell..", "..ui..", "..sync..")
                    .as("server code holds no Swing and no client sync code"),
            noClasses().that().resideInAnyPackage("..sync..", "..shell..", "..ui..")
                    .should().dependOnClassesThat().resideInAPackage("..central.service..")
                    .orShould().dependOnClassesThat().haveFullyQualifiedName(SERVER_ONLY[0])
                    .orShould().dependOnClassesThat().haveFullyQualifiedName(SERVER_ONLY[1])
                    .orShould().dependOnClassesThat().haveFullyQualifiedName(SERVER_ONLY[2])
                    .orShould().dependOnClassesThat().haveFullyQualifiedName(SERVER_ONLY[3])
                    .orShould().dependOnClassesThat().haveFullyQualifiedName(SERVER_ONLY[4])
                    .as("client code never applies commands or reads the central database itself"),
            noClasses().that().haveFullyQualifiedName("cn.shebao.counter.workstation.app.CentralConnection")
                    .or().haveFullyQualifiedName("cn.shebao.counter.workstation.app.Enroller")
                    .or().haveFullyQualifiedName("cn.shebao.counter.workstation.app.Workstation")
                    .or().haveFullyQualifiedName("cn.shebao.counter.workstation.app.NodeIdentity")
                    .should().dependOnClassesThat().resideInAnyPackage("..central..", "org.postgresql..")
                    .as("the workstation's start, enrolment and sync wiring reach central only through the service"),
            noClasses().that().resideInAPackage("..wire..")
                    .should().dependOnClassesThat().resideInAnyPackage("..central..", "..sync..", "..shell..", "..app..", "javax.swing..")
                    .as("the wire contract depends on neither side"));

    @Test
    void theProductionCodeKeepsTheBoundary() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.shebao.counter.workstation");
        assertThat(main.size()).isGreaterThan(200);
        for (ArchRule rule : RULES) {
            rule.check(main);
        }
    }

    @Test
    void eachBoundaryRuleCatchesAClassThatBreaksIt() {
        JavaClasses violations = new ClassFileImporter().importPackages("cn.shebao.counter.archfixture.central",
                "cn.shebao.counter.archfixture.sync");
        assertThat(violations.size()).isEqualTo(2);
        EvaluationResult server = RULES.get(0).evaluate(violations);
        assertThat(server.hasViolation()).isTrue();
        assertThat(server.getFailureReport().getDetails()).anyMatch(d -> d.contains("javax.swing.JFrame"))
                .anyMatch(d -> d.contains("Pusher"));
        EvaluationResult client = RULES.get(1).evaluate(violations);
        assertThat(client.hasViolation()).isTrue();
        assertThat(client.getFailureReport().getDetails()).anyMatch(d -> d.contains("CommandApplier"));
    }
}
