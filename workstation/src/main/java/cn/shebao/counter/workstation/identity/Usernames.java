package cn.shebao.counter.workstation.identity;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Portal usernames: 6 to 20 characters, a small letter first, then small letters, digits or underscores;
 * never a name that could pass for the centre itself. Suggestions carry nothing personal (no birth date or
 * ID digits), because a username is shown on screens and printed.
 */
public final class Usernames {

    private static final Pattern RULE = Pattern.compile("[a-z][a-z0-9_]{5,19}");
    private static final Set<String> RESERVED = Set.of("admin", "administrator", "root", "system", "shebao", "support",
            "service", "kefu", "guanli");
    private static final String SUGGESTION_CHARS = "abcdefghjkmnpqrstuvwxyz23456789";

    private final SecureRandom random;

    public Usernames(SecureRandom random) {
        this.random = random;
    }

    /** The username as stored (lower case, trimmed), or a translated reason why it is not allowed. */
    public static String checked(String requested) {
        String u = requested == null ? "" : requested.strip().toLowerCase(Locale.ROOT);
        if (!RULE.matcher(u).matches()) {
            throw new LocalizedException("credential.error.usernameRule");
        }
        if (RESERVED.stream().anyMatch(u::startsWith)) {
            throw new LocalizedException("credential.error.usernameReserved", u);
        }
        return u;
    }

    public String suggestion() {
        StringBuilder s = new StringBuilder("sb");
        for (int i = 0; i < 7; i++) {
            s.append(SUGGESTION_CHARS.charAt(random.nextInt(SUGGESTION_CHARS.length())));
        }
        return s.toString();
    }
}
