package cn.shebao.counter.workstation.security;

import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A service refused an action the session's roles do not allow, whatever the UI showed. */
public final class AccessDeniedException extends LocalizedException {

    private static final long serialVersionUID = 1L;

    AccessDeniedException(String username, StaffRole... needed) {
        super("security.error.accessDenied", username,
                Arrays.stream(needed).map(Enum::name).collect(Collectors.joining(" / ")));
    }
}
