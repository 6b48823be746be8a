package cn.shebao.counter.workstation.wire;

import java.util.UUID;

/**
 * A command as it travels from a workstation to central; {@code signedBy} and {@code signature} carry the signature
 * of the person whose decision or co-sign it records (see {@link CommandSignatures}), null for a command that needs none.
 */
public record CommandEnvelope(String nodeCode, long sequence, UUID commandId, String commandType, int payloadVersion,
        String payload, UUID actorId, String actorName, UUID signedBy, String signature) {

    /** An unsigned command. */
    public CommandEnvelope(String nodeCode, long sequence, UUID commandId, String commandType, int payloadVersion, String payload,
            UUID actorId, String actorName) {
        this(nodeCode, sequence, commandId, commandType, payloadVersion, payload, actorId, actorName, null, null);
    }
}
