package cn.shebao.counter.workstation.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@link DemoWindows} for each test of a GUI test class, as one line ({@code @RegisterExtension}): the demo template
 * made once per size for the whole run, a fresh copy and robot per test, the application exited and the copy removed
 * after it. Swing's thread rule is enforced (a component touched off the Event Dispatch Thread fails the test). Like
 * JUnit's {@code @TempDir}, it puts this test's windows into the test's field of type {@link DemoWindows}, if it has one.
 */
public final class DemoWindowsExtension implements BeforeEachCallback, AfterEachCallback {

    private static final Map<Integer, Path> TEMPLATES = new ConcurrentHashMap<>();

    private final int persons;
    private Path directory;
    private DemoWindows windows;

    public DemoWindowsExtension(int persons) {
        this.persons = persons;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        FailOnThreadViolationRepaintManager.install();
        Path template = TEMPLATES.computeIfAbsent(persons, n -> {
            try {
                return DemoWindows.template(n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        directory = Files.createTempDirectory("shebao-gui-test");
        windows = new DemoWindows(template, directory.resolve("data"), persons);
        injectInto(context.getRequiredTestInstance());
    }

    private void injectInto(Object test) {
        for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == DemoWindows.class && !Modifier.isStatic(field.getModifiers())) {
                    try {
                        field.setAccessible(true);
                        field.set(test, windows);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("cannot set " + field, e);
                    }
                }
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            windows.close();
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
