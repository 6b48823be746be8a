package cn.shebao.counter.workstation.command;

import java.security.PrivateKey;
import java.util.UUID;

/**
 * The person who signs a command as it is queued and their unlocked private key (see security/StaffSigningKey);
 * held only for the one transaction that queues the command.
 */
public record CommandSigner(UUID signerId, PrivateKey key) {
}
