package cn.shebao.counter.workstation.demo;

import cn.shebao.counter.workstation.security.PasswordHasher;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import cn.shebao.counter.workstation.command.StaffRole;
import java.util.Set;

/**
 * Where the generated staff accounts' first passwords come from.
 *
 * <p>{@link #demo()}: derived from the seed, so demo mode can show them on its login screen; anyone who knows the
 * seed knows them, which is why only demo data holds them. {@link #issued()}: random from {@link SecureRandom}, to
 * be changed at first login, handed back once so {@code central seed} can print them to the administrator's
 * terminal and keep them nowhere.
 */
public abstract sealed class StaffPasswords {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 12;

    public static StaffPasswords demo() {
        return new Demo();
    }

    public static Issued issued() {
        return new Issued();
    }

    abstract String passwordFor(DemoDataGenerator.DemoStaff staff);

    abstract boolean mustChange();

    /** Salts for the password hashes. */
    abstract RandomGenerator saltSource(long seed);

    /** Randomness for the staff signing keys. */
    abstract SecureRandom keyRandom(long seed);

    static String randomPassword(RandomGenerator random) {
        char[] password = new char[LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(password);
    }

    private static final class Demo extends StaffPasswords {
        @Override
        String passwordFor(DemoDataGenerator.DemoStaff staff) {
            return staff.demoPassword();
        }

        @Override
        boolean mustChange() {
            return false;
        }

        @Override
        RandomGenerator saltSource(long seed) {
            return new SplittableRandom(seed ^ 0x5A17L);
        }

        /** Seeded, so the same seed gives the same demo keys. */
        @Override
        SecureRandom keyRandom(long seed) {
            try {
                SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
                r.setSeed(seed ^ 0x51_6E_4BL);
                return r;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA1PRNG is part of every JDK", e);
            }
        }
    }

    /** Random first passwords; {@link #handedOut()} lists those of the accounts the generator actually wrote. */
    public static final class Issued extends StaffPasswords {

        /** One account and the password it starts with; shown once, kept nowhere. */
        public record Password(String username, String displayName, Set<StaffRole> roles,
                String password) {
            @Override
            public String toString() {
                return "Password[" + username + "]"; // never the password
            }
        }

        private final SecureRandom random = new SecureRandom();
        private final List<Password> drawn = new ArrayList<>();
        private boolean written;

        private Issued() {
        }

        @Override
        String passwordFor(DemoDataGenerator.DemoStaff staff) {
            String password = randomPassword(random);
            drawn.add(new Password(staff.username(), staff.displayName(), staff.roles(), password));
            return password;
        }

        @Override
        boolean mustChange() {
            return true;
        }

        @Override
        RandomGenerator saltSource(long seed) {
            return random;
        }

        @Override
        SecureRandom keyRandom(long seed) {
            return random;
        }

        void written() {
            written = true;
        }

        /**
         * The passwords of the accounts this run wrote; empty when it resumed an earlier run, whose accounts were
         * written (and their passwords shown) then.
         */
        public List<Password> handedOut() {
            return written ? List.copyOf(drawn) : List.of();
        }
    }

    /** For {@link PasswordHasher}: kept here so both kinds build their hasher the same way. */
    PasswordHasher hasher(long seed) {
        return new PasswordHasher(saltSource(seed));
    }
}
