package cn.shebao.counter.workstation.wire;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One person's record read from central, rows by table: the counter's older months, a terminal's whole record.
 * Central decides who may read what (see the service's {@code PersonRecords}); this side only asks.
 */
public interface PersonRecordSource {

    /** A counter reading for one of its staff, for a stated purpose. */
    Map<String, List<Map<String, Object>>> forCounter(UUID staffId, UUID personId, String purpose, List<String> tables);

    /** Who viewed or printed the record since {@code since}, at every window and terminal (central's view). */
    List<Map<String, Object>> accessHistory(UUID staffId, UUID personId, String purpose, Instant since);

    /** A self-service terminal reading the record of the card's holder. */
    Map<String, List<Map<String, Object>>> forTerminal(String citizenIdNumber, String name, List<String> tables);
}
