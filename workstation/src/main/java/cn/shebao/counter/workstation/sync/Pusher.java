package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.command.OutboxCommand;
import cn.shebao.counter.workstation.command.OutboxState;
import cn.shebao.counter.workstation.wire.ApplyResult;
import cn.shebao.counter.workstation.wire.CentralUnavailableException;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import cn.shebao.counter.workstation.wire.CommandSink;
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
    private final CommandSink central;
    private final String nodeCode;

    public Pusher(Outbox outbox, CommandSink central, String nodeCode) {
        this.outbox = outbox;
        this.central = central;
        this.nodeCode = nodeCode;
    }

    /**
     * Pushes up to {@code max} commands as one batch. The answers are recorded locally in one transaction (one
     * local commit per command cost more than the central work). Answers lost to a crash come back as
     * duplicates on the next push, so batching them risks nothing.
     */
    public Report push(int max) {
        List<OutboxCommand> pending = outbox.pending(max);
        if (pending.isEmpty()) {
            return new Report(0, null, null);
        }
        List<CommandEnvelope> batch = new ArrayList<>(pending.size());
        for (OutboxCommand c : pending) {
            batch.add(new CommandEnvelope(nodeCode, c.getSequenceNumber(), c.getCommandId(), c.getCommandType().name(),
                    c.getPayloadVersion(), c.getPayload(), c.getActorId(), c.getActorName(), c.getSignedBy(), c.getSignature(),
                    c.getSubjectTable(), c.getSubjectId()));
        }
        List<ApplyResult> results;
        RuntimeException error = null;
        try {
            results = central.push(batch);
        } catch (CentralUnavailableException transientFailure) {
            results = transientFailure.applied();
            error = transientFailure;
        } catch (RuntimeException transientFailure) {
            results = List.of();
            error = transientFailure;
        }
        List<Outbox.Answer> answers = new ArrayList<>();
        ApplyResult refusal = null;
        for (int i = 0; i < results.size() && i < pending.size(); i++) {
            ApplyResult result = results.get(i);
            if (!result.status().acknowledged()) {
                refusal = result;
                break;
            }
            answers.add(new Outbox.Answer(pending.get(i).getSequenceNumber(),
                    result.status().conflict() ? OutboxState.CONFLICT : OutboxState.APPLIED, result.status().name(), result.detail()));
        }
        outbox.acknowledgeAll(answers);
        return new Report(answers.size(), refusal, error);
    }
}
