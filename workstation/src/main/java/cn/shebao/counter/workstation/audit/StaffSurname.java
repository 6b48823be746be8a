package cn.shebao.counter.workstation.audit;

import cn.shebao.counter.workstation.i18n.Messages;
import java.util.Locale;
import java.util.Set;

/**
 * A staff member's surname, the part of their name a citizen is told (with the staff number) when they ask who saw
 * their record: the full name is not the citizen's business, nor a public terminal's. Two-character surnames come
 * from the bundle, so 欧阳明 is 欧阳 and not 欧.
 */
public final class StaffSurname {

    private static final Set<String> COMPOUND = Set.of(Messages.format(Locale.SIMPLIFIED_CHINESE, "accessStatement.compoundSurnames")
            .split(","));

    private StaffSurname() {
    }

    /** The surname, or "—" for no name. */
    public static String of(String name) {
        if (name == null || name.isBlank()) {
            return "—";
        }
        String n = name.strip();
        return n.length() >= 3 && COMPOUND.contains(n.substring(0, 2)) ? n.substring(0, 2) : n.substring(0, 1);
    }
}
