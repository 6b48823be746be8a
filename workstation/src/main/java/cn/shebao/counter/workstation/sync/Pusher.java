package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.central.ApplyResult;
import cn.shebao.counter.workstation.central.CommandApplier;
import cn.shebao.counter.workstation.central.CommandEnvelope;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * Pushes up to {@code max} commands. The answers are recorded locally in one transaction at the end (and
     * before returning early): one local commit per command cost more than the central work. Answers lost to
     * a crash come back as duplicates on the next push, so batching them risks nothing.
     */
    public Report push(int max) {
        List<Outbox.Answer> answers = new ArrayList<>();
        try {
            for (OutboxCommand c : outbox.pending(max)) {
                ApplyResult result;
                try {
                    result = central.apply(new CommandEnvelope(nodeCode, c.getSequenceNumber(), c.getCommandId(),
                            c.getCommandType().name(), c.getPayloadVersion(), c.getPayload(), c.getActorId(), c.getActorName()));
                } catch (RuntimeException transientFailure) {
                    return new Report(answers.size(), null, transientFailure);
                }
                if (!result.status().acknowledged()) {
                    return new Report(answers.size(), result, null);
                }
                answers.add(new Outbox.Answer(c.getSequenceNumber(),
                        result.status().conflict() ? OutboxState.CONFLICT : OutboxState.APPLIED, result.status().name(), result.detail()));
            }
            return new Report(answers.size(), null, null);
        } finally {
            outbox.acknowledgeAll(answers);
        }
    }
}
