package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.auditview.AccessHistory;
import cn.shebao.counter.workstation.citizen.RecordAccess;
import cn.shebao.counter.workstation.wire.CentralUnavailableException;
import cn.shebao.counter.workstation.wire.PersonRecordSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The access history from the central service, asked only while the last sync round reached central. */
public final class CentralAccessHistory implements AccessHistory {

    private final PersonRecordSource central;
    private final BooleanSupplier online;

    public CentralAccessHistory(PersonRecordSource central, BooleanSupplier online) {
        this.central = central;
        this.online = online;
    }

    @Override
    public List<Access> since(RecordAccess access, Instant since) {
        if (!online.getAsBoolean()) {
            throw new Unavailable("accessStatement.error.offline", null);
        }
        List<Map<String, Object>> rows;
        try {
            rows = central.accessHistory(access.staff().userId(), access.personId(), access.purpose().name(), since);
        } catch (CentralUnavailableException e) {
            throw new Unavailable("accessStatement.error.offline", e);
        } catch (ServiceClient.ServiceRefusal e) {
            throw new Unavailable("accessStatement.error.refused", e);
        }
        return rows.stream().map(r -> new Access(((Timestamp) r.get("occurred_at")).toInstant(), (String) r.get("workstation_code"),
                r.get("sequence_number") == null ? -1 : ((Number) r.get("sequence_number")).longValue(), (String) r.get("site"),
                (String) r.get("display_name"), (String) r.get("username"), (String) r.get("purpose"), (String) r.get("action_code"),
                (String) r.get("detail"))).toList();
    }
}
