package cn.shebao.counter.workstation.staff;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffUser;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * The rules a staff account must keep, run by the administrator's window (so IT hears at once) and by central's
 * handler (the authority). A broken rule throws a {@link LocalizedException} whose key names it.
 */
public final class StaffRules {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

    private StaffRules() {
    }

    /** Lower case, 3 to 32 characters, a letter first; the way people type their name at the login. */
    public static String username(String typed) {
        String name = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new LocalizedException("staff.error.username");
        }
        return name;
    }

    /** A name to show and at least one role. */
    public static void wellFormed(StaffUser u) {
        if (u.getDisplayName() == null || u.getDisplayName().isBlank() || u.getDisplayName().strip().length() > 50) {
            throw new LocalizedException("staff.error.displayName");
        }
        if (u.getRoles().isEmpty()) {
            throw new LocalizedException("staff.error.noRole");
        }
    }

    /** No one else holds the username. */
    public static void usernameFree(Session s, StaffUser u) {
        Long taken = s.createSelectionQuery("select count(*) from StaffUser where username = :u and id <> :id", Long.class)
                .setParameter("u", u.getUsername()).setParameter("id", u.getId()).getSingleResult();
        if (taken > 0) {
            throw new LocalizedException("staff.error.usernameTaken", u.getUsername());
        }
    }

    /**
     * After the change at least one active administrator remains, so the centre cannot lock IT out of its own
     * accounts (an administrator removing their own role or disabling the last colleague).
     */
    public static void anAdministratorRemains(Session s, StaffUser changed, boolean active, Set<StaffRole> roles) {
        if (active && roles.contains(StaffRole.ADMIN)) {
            return;
        }
        List<StaffUser> admins = s.createSelectionQuery("from StaffUser where active = true and id <> :id", StaffUser.class)
                .setParameter("id", changed.getId()).getResultList();
        if (admins.stream().noneMatch(a -> a.getRoles().contains(StaffRole.ADMIN))) {
            throw new LocalizedException("staff.error.lastAdministrator");
        }
    }
}
