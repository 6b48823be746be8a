package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.audit.AuditFilter;
import cn.shebao.counter.workstation.audit.AuditQuery;
import cn.shebao.counter.workstation.audit.AuditSort;
import cn.shebao.counter.workstation.audit.UnusualAccess;
import cn.shebao.counter.workstation.auditview.CentreAudit;
import cn.shebao.counter.workstation.wire.CentralUnavailableException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The centre's view of the audit through the central service, asked only while the last sync round reached central. */
public final class ServiceCentreAudit implements CentreAudit {

    private final ServiceClient central;
    private final BooleanSupplier online;
    private final ZoneId zone;

    /** @param zone the hall's time zone: days and opening hours are the hall's */
    public ServiceCentreAudit(ServiceClient central, BooleanSupplier online, ZoneId zone) {
        this.central = central;
        this.online = online;
        this.zone = zone;
    }

    @Override
    public AuditQuery.Page search(UUID staffId, AuditFilter filter, AuditSort sort, boolean ascending, int offset, int limit) {
        return asked(() -> central.auditSearch(staffId, filter, sort, ascending, offset, limit));
    }

    @Override
    public List<ChainState> chains(UUID staffId) {
        return asked(() -> central.auditChains(staffId)).stream().map(ServiceCentreAudit::state).toList();
    }

    @Override
    public List<UnusualAccess.Finding> unusual(UUID staffId, Instant from, Instant to, UnusualAccess.Thresholds t) {
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("openingsWithoutCitizenPerDay", t.openingsWithoutCitizenPerDay());
        thresholds.put("opens", t.opens().toString());
        thresholds.put("closes", t.closes().toString());
        thresholds.put("openDays", t.openDays().stream().map(Enum::name).toList());
        thresholds.put("windowsPerCitizenPerDay", t.windowsPerCitizenPerDay());
        return asked(() -> central.auditUnusual(staffId, from, to, thresholds, zone.getId())).stream().map(m -> new UnusualAccess.Finding(
                UnusualAccess.Kind.valueOf((String) m.get("kind")), LocalDate.parse((String) m.get("day")), (String) m.get("staffName"),
                (String) m.get("subjectId"), ((Number) m.get("count")).longValue(),
                m.get("at") == null ? null : Instant.parse((String) m.get("at")), (String) m.get("workstationCode"))).toList();
    }

    private static ChainState state(Map<String, Object> m) {
        return new ChainState((String) m.get("workstationCode"), ((Number) m.get("verified")).longValue(),
                ((Number) m.get("received")).longValue(), (String) m.get("problemKind"),
                m.get("problemSequence") == null ? null : ((Number) m.get("problemSequence")).longValue());
    }

    private <T> T asked(Supplier<T> call) {
        if (!online.getAsBoolean()) {
            throw new Unavailable("audit.centre.offline", null);
        }
        try {
            return call.get();
        } catch (CentralUnavailableException e) {
            throw new Unavailable("audit.centre.offline", e);
        } catch (ServiceClient.ServiceRefusal e) {
            throw new Unavailable("audit.centre.refused", e);
        }
    }
}
