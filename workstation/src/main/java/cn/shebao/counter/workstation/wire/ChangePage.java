package cn.shebao.counter.workstation.wire;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A page of the change log and the current rows it names, by table and id (a row deleted since is absent;
 * its tombstone follows later in the log).
 */
public record ChangePage(List<ChangeEntry> entries, Map<String, Map<UUID, Map<String, Object>>> rows) {

    public Map<String, Object> row(String table, UUID id) {
        Map<UUID, Map<String, Object>> ofTable = rows.get(table);
        return ofTable == null ? null : ofTable.get(id);
    }
}
