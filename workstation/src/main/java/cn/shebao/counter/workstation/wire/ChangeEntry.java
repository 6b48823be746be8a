package cn.shebao.counter.workstation.wire;

import java.util.UUID;

/** One entry of central's change log: a row of a replicated table changed (or deleted) at this sequence. */
public record ChangeEntry(long sequence, String table, UUID rowId, long rowVersion, boolean delete) {
}
