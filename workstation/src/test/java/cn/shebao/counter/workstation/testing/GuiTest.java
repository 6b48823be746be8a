package cn.shebao.counter.workstation.testing;

import java.awt.GraphicsEnvironment;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test that drives real windows. Without a display it is disabled on a developer laptop, but where
 * {@code -Dshebao.requireGui=true} is set (scripts/test.sh, hence CI) a missing display fails instead:
 * CI must never pass by skipping the GUI tests.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("gui")
@ExtendWith(GuiTest.DisplayCondition.class)
public @interface GuiTest {

    final class DisplayCondition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            boolean required = Boolean.getBoolean("shebao.requireGui");
            String problem = displayProblem();
            if (problem == null) {
                return ConditionEvaluationResult.enabled("display available");
            }
            if (required) {
                throw new IllegalStateException("GUI tests are required here but " + problem);
            }
            return ConditionEvaluationResult.disabled("no display: " + problem);
        }

        private static String displayProblem() {
            if (GraphicsEnvironment.isHeadless()) {
                return "the JVM is headless (no DISPLAY)";
            }
            try {
                GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
                return null;
            } catch (Throwable e) {
                return "the display cannot be opened: " + e;
            }
        }
    }
}
