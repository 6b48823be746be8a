package cn.shebao.counter.workstation.auditview;

import cn.shebao.counter.workstation.citizen.RecordAccess;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import java.time.Instant;
import java.util.List;

/** Central's view of who viewed or printed a record, across every window and terminal. */
public interface AccessHistory {

    /** One viewing or printing. {@code sequence} is the window's audit sequence, or -1 for a terminal's read. */
    record Access(Instant at, String workstationCode, long sequence, String site, String staffName, String staffNumber,
            String purpose, String action, String detail) {
    }

    /** A workstation without a central service: no other window exists, so this window's own audit is all there is. */
    AccessHistory NO_OTHER_WINDOWS = (access, since) -> List.of();

    /**
     * Oldest first.
     *
     * @throws Unavailable when central cannot be asked now
     */
    List<Access> since(RecordAccess access, Instant since);

    /** Central could not be asked; a statement without it would miss the other windows. */
    final class Unavailable extends LocalizedException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String key, Throwable cause) {
            super(cause, key);
        }
    }
}
