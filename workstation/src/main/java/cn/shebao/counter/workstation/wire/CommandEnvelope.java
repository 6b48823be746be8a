package cn.shebao.counter.workstation.wire;

import java.util.UUID;

/**
 * A command as it travels from a workstation to central; {@code signedBy} and {@code signature} carry the signature
 * of the person whose decision or co-sign it records (see {@link CommandSignatures}), null for a command that needs none.
 */
public record CommandEnvelope(String nodeCode, long sequence, UUID commandId, String commandType, int payloadVersion,
        String payload, UUID actorId, String actorName, UUID signedBy, String signature, String subjectTable, UUID subjectId) {

    /**
     * Without the row the command changed at the workstation. With it ({@code subjectTable}, {@code subjectId}),
     * central sends that row back down after its answer when the answer left the row as central holds it (see
     * CommandApplier): the workstation skipped the row's changes while the command waited, and would otherwise keep
     * its own version of a decision or a resolution central did not take.
     */
    public CommandEnvelope(String nodeCode, long sequence, UUID commandId, String commandType, int payloadVersion, String payload,
            UUID actorId, String actorName, UUID signedBy, String signature) {
        this(nodeCode, sequence, commandId, commandType, payloadVersion, payload, actorId, actorName, signedBy, signature, null, null);
    }

    /** An unsigned command. */
    public CommandEnvelope(String nodeCode, long sequence, UUID commandId, String commandType, int payloadVersion, String payload,
            UUID actorId, String actorName) {
        this(nodeCode, sequence, commandId, commandType, payloadVersion, payload, actorId, actorName, null, null);
    }
}
