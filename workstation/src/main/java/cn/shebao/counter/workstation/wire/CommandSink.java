package cn.shebao.counter.workstation.wire;

import java.util.List;

/**
 * Where a workstation's commands go: the central service over HTTPS on a workstation, the command applier
 * itself inside the service. Commands are applied in order; the answers are for a prefix of the batch that
 * ends at the first command not acknowledged (a gap, an unknown type). A transient failure part-way through
 * throws {@link CentralUnavailableException} carrying the answers of the commands applied before it.
 */
public interface CommandSink {

    List<ApplyResult> push(List<CommandEnvelope> commands);
}
