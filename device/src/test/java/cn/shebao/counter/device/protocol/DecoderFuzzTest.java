package cn.shebao.counter.device.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.device.card.CardDecodingException;
import cn.shebao.counter.device.card.IdCardText;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property test: random and mutated byte streams never make the decoders throw anything but their own
 * error types, never loop without consuming input, and never buffer without bound. Seeded, so a failure
 * repeats; {@code -Dfuzz.iterations} runs longer.
 */
class DecoderFuzzTest {

    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 3000);

    @Test
    void frameDecoderSurvivesAnyStream() {
        SplittableRandom random = new SplittableRandom(467);
        byte[][] seeds = {Command.FIND_CARD.frame(), Response.frame(ModuleStatus.SUCCESS, new byte[1288]),
            Response.frame(ModuleStatus.CARD_FOUND, new byte[4]), Response.frame(ModuleStatus.NO_CARD, new byte[0])};
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] stream = random.nextInt(3) == 0 ? randomBytes(random, random.nextInt(3000)) : mutate(random, seeds);
            FrameDecoder d = new FrameDecoder();
            int fed = 0;
            int calls = 0;
            while (fed < stream.length) {
                int chunk = Math.min(stream.length - fed, 1 + random.nextInt(300));
                d.feed(stream, fed, chunk);
                fed += chunk;
                while (d.next() != null) {
                    calls++;
                    // Each result consumes at least one byte, so results are bounded by the bytes fed.
                    assertThat(calls).isLessThanOrEqualTo(fed);
                }
                assertThat(d.buffered()).isLessThanOrEqualTo(Ga467Frame.HEADER + Ga467Frame.MAX_LENGTH + 300);
            }
        }
    }

    @Test
    void unwrapAndResponseThrowOnlyFrameException() {
        SplittableRandom random = new SplittableRandom(11643);
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] bytes = random.nextBoolean() ? randomBytes(random, random.nextInt(40))
                    : mutate(random, new byte[][] {Response.frame(ModuleStatus.SUCCESS, new byte[8])});
            try {
                Response.of(Ga467Frame.unwrap(bytes));
            } catch (FrameException expected) {
                assertThat(expected.problem()).isNotNull();
            }
        }
    }

    @Test
    void cardTextDecoderThrowsOnlyItsOwnError() {
        SplittableRandom random = new SplittableRandom(3304);
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] text = randomBytes(random, random.nextInt(10) == 0 ? random.nextInt(256) : 256);
            try {
                IdCardText.decode(text);
            } catch (CardDecodingException expected) {
                assertThat(expected.reason()).isNotNull();
            }
        }
    }

    private static byte[] randomBytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] mutate(SplittableRandom random, byte[][] seeds) {
        byte[] frame = seeds[random.nextInt(seeds.length)].clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && frame.length > 0; e++) {
            switch (random.nextInt(3)) {
                case 0 -> frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
                case 1 -> frame = java.util.Arrays.copyOf(frame, random.nextInt(frame.length));
                default -> frame = Ga467FrameTest.concat(randomBytes(random, random.nextInt(20)), frame, randomBytes(random, random.nextInt(20)));
            }
        }
        return frame;
    }
}
