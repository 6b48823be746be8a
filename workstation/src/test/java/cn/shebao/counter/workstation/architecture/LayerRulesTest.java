package cn.shebao.counter.workstation.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layers of {@link LayerRules} hold for the production code, and each rule catches the fixture that breaks it. */
class LayerRulesTest {

    private static final String FIXTURES = "cn.shebao.counter.archfixture.layers";

    @Test
    void theProductionCodeKeepsItsLayers() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.shebao.counter.workstation");
        assertThat(main.size()).isGreaterThan(300);
        for (ArchRule rule : new LayerRules("cn.shebao.counter.workstation").all()) {
            rule.check(main);
        }
    }

    @Test
    void aCycleBetweenTwoFeaturesIsCaught() {
        EvaluationResult result = new LayerRules(FIXTURES).noPackageCycles().evaluate(fixtures());
        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("RecordThatShowsDrugs").contains("DrugThatOpensRecords");
    }

    @Test
    void aStoreThatKnowsAFeatureAndAFeatureThatReachesTheServerAreCaught() {
        EvaluationResult result = new LayerRules(FIXTURES).oneWayLayers().evaluate(fixtures());
        assertThat(result.hasViolation()).isTrue();
        String details = String.join("\n", result.getFailureReport().getDetails());
        assertThat(details).contains("StoreThatListsEntities").contains("HandlerThatImportsTheServer")
                .contains("CommandLineThatOpensTheShell");
        // Within a layer is allowed: the feature-to-feature use in the cycle fixture is the cycle rule's business.
        assertThat(details).doesNotContain("RecordThatShowsDrugs");
    }

    @Test
    void swingInTheStoreIsCaught() {
        EvaluationResult result = new LayerRules(FIXTURES).infrastructureWithoutSwing().evaluate(fixtures());
        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains("StoreWithAWindow")
                .contains("javax.swing.JOptionPane");
    }

    /** What a package owns, its layer and the thread its methods expect, written down beside the code. */
    @Test
    void everyPackageSaysWhatItOwnsItsLayerAndItsThreads() throws IOException {
        Path sources = Path.of("src/main/java/cn/shebao/counter/workstation");
        assertThat(sources).isDirectory();
        List<Path> packages;
        try (Stream<Path> dirs = Files.walk(sources)) {
            packages = dirs.filter(Files::isDirectory).filter(LayerRulesTest::holdsClasses).toList();
        }
        assertThat(packages).hasSizeGreaterThan(20);
        for (Path dir : packages) {
            Path info = dir.resolve("package-info.java");
            assertThat(info).as("package-info in %s", dir).exists();
            assertThat(Files.readString(info)).as("package-info in %s", dir).contains("<p>Layer: ").contains("<p>Threads: ");
        }
    }

    private static boolean holdsClasses(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JavaClasses fixtures() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURES);
        assertThat(classes.size()).isEqualTo(9);
        return classes;
    }
}
