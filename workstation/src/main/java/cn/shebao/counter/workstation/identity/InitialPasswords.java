package cn.shebao.counter.workstation.identity;

import java.security.SecureRandom;

/**
 * Initial passwords for the online portal: twelve characters from SecureRandom, from an alphabet without
 * look-alikes (no 0/O/o, 1/I/l), with at least one digit, one capital and one small letter so the portal's
 * own policy accepts them. About 69 bits: far beyond guessing within the 30 days the password lives.
 */
public final class InitialPasswords {

    static final String DIGITS = "23456789";
    static final String UPPER = "ABCDEFGHJKMNPQRSTUVWXYZ";
    static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    static final String ALPHABET = DIGITS + UPPER + LOWER;
    public static final int LENGTH = 12;

    private final SecureRandom random;

    public InitialPasswords(SecureRandom random) {
        this.random = random;
    }

    /** A new password; the caller wipes the array once the slip is rendered. */
    public char[] next() {
        char[] p = new char[LENGTH];
        while (true) {
            boolean digit = false;
            boolean upper = false;
            boolean lower = false;
            for (int i = 0; i < LENGTH; i++) {
                p[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                digit |= DIGITS.indexOf(p[i]) >= 0;
                upper |= UPPER.indexOf(p[i]) >= 0;
                lower |= LOWER.indexOf(p[i]) >= 0;
            }
            if (digit && upper && lower) {
                return p;
            }
        }
    }
}
