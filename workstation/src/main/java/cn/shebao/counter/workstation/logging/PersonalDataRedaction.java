package cn.shebao.counter.workstation.logging;

import java.util.regex.Pattern;

/**
 * What may leave the encrypted replica as text: log lines and error details with personal data taken out. Not a list
 * of known leaks (there is always one more) but a rule on the shape of the data: a citizen's ID number, card number or
 * phone number is a long run of digits, and names and addresses are Chinese text, while the workstation's own log
 * messages are English with short numbers. So every run of nine or more digits (an optional trailing X) becomes
 * {@code [number]}, every run of Chinese characters becomes {@code [text]}, and a line that is a hex dump (Derby
 * prints a damaged page that way, decrypted) is dropped whole.
 */
public final class PersonalDataRedaction {

    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[0-9]{9,}[Xx]?(?![0-9A-Za-z])");
    private static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF\\u2E80-\\u2FDF]+");
    /** Offset and groups of hex digits ("0000: 4f2c 0a11 …", "00000010 4F 2C 0A …"): a dump, whatever its layout. */
    private static final Pattern HEX_DUMP = Pattern.compile("^\\s*(0x)?[0-9A-Fa-f]{4,16}\\s*[:|]?(\\s+[0-9A-Fa-f]{2,8}){4,}.*$");
    /** A line of nothing but hex, such as a row or page printed as one long string. */
    private static final Pattern HEX_RUN = Pattern.compile(".*[0-9A-Fa-f]{64,}.*");

    private PersonalDataRedaction() {
    }

    /** The line as it may be written, or {@code null} when nothing of it may be. */
    public static String line(String line) {
        if (HEX_DUMP.matcher(line).matches() || HEX_RUN.matcher(line).matches()) {
            return null;
        }
        return CHINESE.matcher(LONG_NUMBER.matcher(line).replaceAll("[number]")).replaceAll("[text]");
    }

    /** Several lines (a stack trace, a message) redacted line by line; dropped lines leave a marker, not a gap. */
    public static String text(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean dropping = false;
        for (String l : text.split("\n", -1)) {
            String kept = line(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
            if (kept == null) {
                if (!dropping) {
                    out.append("[dump removed: it may hold personal data]\n");
                }
                dropping = true;
            } else {
                dropping = false;
                out.append(kept).append('\n');
            }
        }
        if (!text.endsWith("\n") && out.length() > 0) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }
}
