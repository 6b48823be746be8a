package cn.shebao.counter.workstation.certificates;

import java.security.SecureRandom;

/**
 * Verification codes printed on documents: eight characters from an alphabet without look-alikes (no 0/O,
 * 1/I/L), random enough (about 40 bits) that a forger cannot guess the code of a real number.
 */
final class VerificationCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 8;

    private final SecureRandom random;

    VerificationCodes(SecureRandom random) {
        this.random = random;
    }

    String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
