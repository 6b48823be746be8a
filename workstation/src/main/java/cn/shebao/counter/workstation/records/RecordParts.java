package cn.shebao.counter.workstation.records;

import cn.shebao.counter.workstation.citizen.RecordTab;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which parts of an open record have been read. Each part (a tab) is read, and its reading audited, once per opening,
 * when the clerk first chooses it; the basic part was read with the opening itself. A part whose reading failed (the
 * centre unreachable for older years, a full disk) is read again when chosen again, instead of staying an error until
 * the record is closed. Tested headless ({@code RecordPartsTest}).
 *
 * <p>Threads: Event Dispatch Thread (plain Java: tests call it from theirs).
 */
final class RecordParts {

    enum State { NOT_READ, READING, READ, FAILED }

    private final Map<RecordTab, State> states = new EnumMap<>(RecordTab.class);

    RecordParts() {
        for (RecordTab tab : RecordTab.values()) {
            states.put(tab, State.NOT_READ);
        }
        states.put(RecordTab.BASIC, State.READ);
    }

    /** The clerk chose a tab: true when its part is to be read now (then it is being read). */
    boolean startReading(RecordTab tab) {
        State state = states.get(tab);
        if (state != State.NOT_READ && state != State.FAILED) {
            return false;
        }
        states.put(tab, State.READING);
        return true;
    }

    void read(RecordTab tab) {
        states.put(tab, State.READ);
    }

    void failed(RecordTab tab) {
        states.put(tab, State.FAILED);
    }

    State state(RecordTab tab) {
        return states.get(tab);
    }
}
