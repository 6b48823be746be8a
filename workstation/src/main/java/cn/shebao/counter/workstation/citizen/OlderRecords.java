package cn.shebao.counter.workstation.citizen;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import java.util.List;

/**
 * The months of a record older than the replica's detail window, which only central keeps. Asked for when a
 * record has credited months before that window; the answer is never stored on the workstation.
 */
public interface OlderRecords {

    /** A workstation with no central service (a standalone replica): nothing older is kept anywhere else. */
    OlderRecords NONE = access -> List.of();

    /**
     * The archived months of the record being read, oldest first; central records who read them and why.
     *
     * @throws Unavailable when central cannot be asked now (offline, frozen or refusing)
     */
    List<ArchivedContribution> contributions(RecordAccess access);

    /** Central could not be asked; the message says why in words for the clerk. */
    final class Unavailable extends LocalizedException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String key, Throwable cause) {
            super(cause, key);
        }
    }
}
