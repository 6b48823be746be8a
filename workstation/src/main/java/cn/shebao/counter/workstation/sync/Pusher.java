package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.central.ApplyResult;
import cn.shebao.counter.workstation.central.CommandApplier;
import cn.shebao.counter.workstation.central.CommandEnvelope;

/**
 * Pushes pending commands to central in sequence order, one central transaction each. It stops at the
 * first command central refuses or cannot take (connection lost): order matters more than progress, and
 * the caller retries later with backoff. A crash between central's commit and the local acknowledgement
 * is harmless: the next push gets the stored result back as a duplicate.
 */
public final class Pusher {

    /** What one push round achieved, and why it stopped early if it did. */
    public record Report(int acknowledged, ApplyResult refusal, RuntimeException error) {
        public boolean complete() {
            return refusal == null && error == null;
        }
    }

    private final Outbox outbox;
    private final CommandApplier central;
    private final String nodeCode;

    public Pusher(Outbox outbox, CommandApplier central, String nodeCode) {
        this.outbox = outbox;
        this.central = central;
        this.nodeCode = nodeCode;
    }

    public Report push(int max) {
        int done = 0;
        for (OutboxCommand c : outbox.pending(max)) {
            ApplyResult result;
            try {
                result = central.apply(new CommandEnvelope(nodeCode, c.getSequenceNumber(), c.getCommandId(),
                        c.getCommandType().name(), c.getPayloadVersion(), c.getPayload(), c.getActorId(), c.getActorName()));
            } catch (RuntimeException transientFailure) {
                return new Report(done, null, transientFailure);
            }
            if (!result.status().acknowledged()) {
                return new Report(done, result, null);
            }
            outbox.acknowledge(c.getSequenceNumber(), result.status().conflict() ? OutboxState.CONFLICT : OutboxState.APPLIED,
                    result.status().name(), result.detail());
            done++;
        }
        return new Report(done, null, null);
    }
}
