package cn.shebao.counter.workstation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.List;

/**
 * The workstation's layers, bottom to top, as rules over a root package: the production code under
 * {@code cn.shebao.counter.workstation}, and a fixture tree under another root whose classes break each rule on
 * purpose (so each rule is proven to catch what it forbids). docs/architecture.md draws the same picture.
 */
final class LayerRules {

    static final String FOUNDATION = "Foundation";
    static final String STORE = "Store";
    static final String CONTRACT = "Contract";
    static final String UI_KIT = "UI kit";
    static final String FEATURES = "Features";
    static final String SCHEMA = "Schema";
    static final String SERVER = "Server";
    static final String CLIENT = "Client";
    static final String COMPOSITION = "Composition";
    static final String SHELL = "Shell";
    static final String LAUNCHER = "Launcher";

    static final String[] FEATURE_PACKAGES = {"security", "audit", "citizen", "auditview", "certificates", "drugs",
        "identity", "retirement", "staff", "records", "screen"};

    private final String root;

    LayerRules(String root) {
        this.root = root;
    }

    private String[] packages(String... names) {
        return Arrays.stream(names).map(n -> root + "." + n + "..").toArray(String[]::new);
    }

    /** Every package, sub-packages each on their own, depends on no package that depends back on it. */
    ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles().as("no package cycles under " + root);
    }

    /** Each layer is used only by the layers above it; within a layer, packages may use each other (without cycles). */
    ArchRule oneWayLayers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer(FOUNDATION).definedBy(packages("i18n", "logging", "platform", "pki"))
                .layer(STORE).definedBy(packages("store"))
                .layer(CONTRACT).definedBy(packages("wire", "command"))
                .layer(UI_KIT).definedBy(packages("ui"))
                .layer(FEATURES).definedBy(packages(FEATURE_PACKAGES))
                .layer(SCHEMA).definedBy(packages("schema"))
                .layer(SERVER).definedBy(packages("central"))
                .layer(CLIENT).definedBy(packages("sync", "selftest"))
                .layer(COMPOSITION).definedBy(packages("app", "demo"))
                .layer(SHELL).definedBy(packages("shell"))
                .layer(LAUNCHER).definedBy(packages("launcher"))
                .whereLayer(LAUNCHER).mayNotBeAccessedByAnyLayer()
                .whereLayer(SHELL).mayOnlyBeAccessedByLayers(LAUNCHER)
                .whereLayer(COMPOSITION).mayOnlyBeAccessedByLayers(SHELL, LAUNCHER)
                .whereLayer(CLIENT).mayOnlyBeAccessedByLayers(COMPOSITION, SHELL)
                .whereLayer(SERVER).mayOnlyBeAccessedByLayers(COMPOSITION)
                .whereLayer(SCHEMA).mayOnlyBeAccessedByLayers(SERVER, CLIENT, COMPOSITION, SHELL)
                .whereLayer(FEATURES).mayOnlyBeAccessedByLayers(SCHEMA, SERVER, CLIENT, COMPOSITION, SHELL)
                .whereLayer(UI_KIT).mayOnlyBeAccessedByLayers(FEATURES, COMPOSITION, SHELL)
                .whereLayer(CONTRACT).mayOnlyBeAccessedByLayers(FEATURES, SCHEMA, SERVER, CLIENT, COMPOSITION, SHELL)
                .whereLayer(STORE).mayOnlyBeAccessedByLayers(CONTRACT, UI_KIT, FEATURES, SCHEMA, SERVER, CLIENT,
                        COMPOSITION, SHELL)
                .as("layers point one way under " + root);
    }

    /** Infrastructure and the server never touch Swing or AWT: they run headless, on the service and in tests. */
    ArchRule infrastructureWithoutSwing() {
        return noClasses().that().resideInAnyPackage(packages("i18n", "logging", "platform", "pki", "store", "wire",
                        "command", "schema", "central"))
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..")
                .as("infrastructure and server code hold no Swing under " + root);
    }

    List<ArchRule> all() {
        return List.of(noPackageCycles(), oneWayLayers(), infrastructureWithoutSwing());
    }
}
