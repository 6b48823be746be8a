package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.platform.DataDirectory;
import java.nio.file.Files;
import java.util.Optional;

/**
 * The refusal of the tools that inspect a workstation's replica ({@code audit verify}, {@code store check}) when there
 * is none to inspect: opening would create an empty replica (and its key) and report it "intact".
 */
final class ExistingReplica {

    /** The exit status of a tool that found nothing to inspect (audit verify, store check). */
    static final int NOTHING_THERE = 4;

    private ExistingReplica() {
    }

    /** The message key saying why there is nothing to inspect in {@code dir}, or empty when there is. */
    static Optional<String> refusal(DataDirectory dir, boolean demo) {
        if (!Files.isDirectory(dir.root())) {
            return Optional.of("audit.verify.noDirectory");
        }
        if (!dir.hasReplica()) {
            return Optional.of("audit.verify.noReplica");
        }
        return !demo && Enrolment.read(dir).isEmpty() ? Optional.of("audit.verify.notEnrolled") : Optional.empty();
    }
}
