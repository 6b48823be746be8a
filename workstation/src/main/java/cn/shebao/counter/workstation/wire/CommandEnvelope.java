package cn.shebao.counter.workstation.wire;

import java.util.UUID;

/** A command as it travels from a workstation to central. */
public record CommandEnvelope(String nodeCode, long sequence, UUID commandId, String commandType, int payloadVersion,
        String payload, UUID actorId, String actorName) {
}
