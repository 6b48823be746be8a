package cn.shebao.counter.workstation.citizen;

import java.awt.Component;
import java.util.function.BiConsumer;

/**
 * A button another feature adds to an opened record (print the certificate, print the statement). The
 * record view knows nothing of printing; the shell wires the actions in.
 *
 * @param name  the component name, for tests and key bindings
 * @param label the translated button text
 */
public record RecordAction(String name, String label, BiConsumer<CitizenRecords.Opened, Component> run) {
}
