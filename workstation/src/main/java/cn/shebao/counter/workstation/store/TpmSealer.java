package cn.shebao.counter.workstation.store;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.platform.FilePermissions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals a small secret to this machine's TPM 2.0 under a PCR policy, and unseals it, through tpm2-tools.
 *
 * <p>Why the command-line tools and not a Java TSS: tpm2-tools is the TCG reference stack packaged by every
 * distribution, it speaks to the kernel's resource manager ({@code /dev/tpmrm0}) by default and to a software TPM
 * ({@code swtpm}) in the tests through the same TCTI setting, and no maintained Java binding exists. The secret goes
 * in on standard input and comes out on standard output; it never touches a file or an argument list.
 *
 * <p>What is sealed: the object is created under the owner hierarchy's ECC primary key (derived again at every
 * unseal from the TPM's own seed, so only this TPM can load the blob), with {@code fixedtpm|fixedparent} and a policy
 * that releases it only while the chosen PCRs hold the values they held when it was sealed. Default PCR 7 (the
 * Secure Boot state): firmware updates keep it, disabling Secure Boot or booting another loader changes it. The
 * public and private parts written here are useless without this TPM.
 *
 * <p>Without a resource manager (a bare swtpm socket) transient objects stay loaded after each tool exits and the
 * TPM soon runs out of slots, so every step is followed by flushing this connection's transient objects and sessions.
 */
public final class TpmSealer {

    private static final Logger LOG = LoggerFactory.getLogger(TpmSealer.class);
    private static final long STEP_TIMEOUT_SECONDS = 30;

    /**
     * @param tcti where the TPM is, in tpm2-tools' TCTI syntax ({@code device:/dev/tpmrm0}, {@code swtpm:port=2321});
     *             empty for the tools' default
     * @param pcrs the PCR selection the secret is bound to, e.g. {@code sha256:7} or {@code sha256:0,2,7}
     */
    public record Config(String tcti, String pcrs) {

        public static final String DEFAULT_PCRS = "sha256:7";

        public Config {
            tcti = tcti == null ? "" : tcti.strip();
            pcrs = pcrs == null || pcrs.isBlank() ? DEFAULT_PCRS : pcrs.strip();
            if (!pcrs.matches("[a-z0-9]+:[0-9]{1,2}(,[0-9]{1,2})*")) {
                throw new LocalizedException("key.tpm.badPcrs", pcrs);
            }
        }

        /** Where the TPM is, for messages: the configured TCTI or the tools' default device. */
        public String describeTarget() {
            return tcti.isEmpty() ? "/dev/tpmrm0" : tcti;
        }
    }

    private final Config config;

    public TpmSealer(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /** Seals {@code secret} into {@code blob}.pub and {@code blob}.priv, replacing them only when the new ones are whole. */
    public void seal(byte[] secret, Path blob) {
        Path work = workDirectory(blob.getParent());
        try {
            createPrimary(work);
            step(work, null, "tpm2_pcrread", "-Q", "-o", "pcr.bin", config.pcrs());
            step(work, null, "tpm2_createpolicy", "-Q", "--policy-pcr", "-l", config.pcrs(), "-f", "pcr.bin", "-L", "policy.dat");
            step(work, secret, "tpm2_create", "-Q", "-C", "primary.ctx", "-L", "policy.dat", "-a", "fixedtpm|fixedparent|noda",
                    "-i", "-", "-u", "sealed.pub", "-r", "sealed.priv");
            moveInto(work.resolve("sealed.pub"), publicPart(blob));
            moveInto(work.resolve("sealed.priv"), privatePart(blob));
        } finally {
            delete(work);
        }
    }

    /** The secret sealed in {@code blob}; refused in words when the PCRs changed or the blob is another TPM's. */
    public byte[] unseal(Path blob) {
        Path work = workDirectory(blob.getParent());
        try {
            createPrimary(work);
            step(work, null, "tpm2_load", "-Q", "-C", "primary.ctx", "-u", publicPart(blob).toString(), "-r",
                    privatePart(blob).toString(), "-c", "sealed.ctx");
            return step(work, null, "tpm2_unseal", "-c", "sealed.ctx", "-p", "pcr:" + config.pcrs());
        } finally {
            delete(work);
        }
    }

    public static boolean sealedAt(Path blob) {
        return Files.exists(publicPart(blob)) && Files.exists(privatePart(blob));
    }

    static Path publicPart(Path blob) {
        return blob.resolveSibling(blob.getFileName() + ".pub");
    }

    static Path privatePart(Path blob) {
        return blob.resolveSibling(blob.getFileName() + ".priv");
    }

    private void createPrimary(Path work) {
        // ECC: the primary is derived again at every unseal, and an RSA primary takes seconds on a real TPM.
        step(work, null, "tpm2_createprimary", "-Q", "-C", "o", "-G", "ecc256", "-c", "primary.ctx");
    }

    /** One tool run in {@code work}, then this connection's transient objects flushed; its standard output. */
    private byte[] step(Path work, byte[] input, String... command) {
        byte[] out = run(work, input, command);
        flush(work, "-t");
        flush(work, "-s");
        return out;
    }

    private void flush(Path work, String what) {
        try {
            run(work, null, "tpm2_flushcontext", what);
        } catch (LocalizedException e) {
            // Nothing to flush is not a failure; a real failure shows in the next step, which says what went wrong.
            LOG.debug("tpm2_flushcontext {}: {}", what, e.key());
        }
    }

    private byte[] run(Path work, byte[] input, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        if (!config.tcti().isEmpty()) {
            builder.environment().put("TPM2TOOLS_TCTI", config.tcti());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new LocalizedException(e, "key.tpm.toolsMissing", command[0]);
        }
        try {
            CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (OutputStream in = process.getOutputStream()) {
                if (input != null) {
                    in.write(input);
                }
            }
            if (!process.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LocalizedException("key.tpm.unavailable", config.describeTarget(), command[0] + ": no answer");
            }
            byte[] out = stdout.join();
            if (process.exitValue() != 0) {
                Arrays.fill(out, (byte) 0);
                throw failure(command[0], new String(stderr.join(), StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            process.destroyForcibly();
            throw new LocalizedException(e, "key.tpm.unavailable", config.describeTarget(), command[0]);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LocalizedException(e, "key.tpm.unavailable", config.describeTarget(), command[0]);
        }
    }

    /** The tools' error text turned into what IT can act on; the text itself is kept for the log (it holds no secret). */
    private LocalizedException failure(String tool, String stderr) {
        String lower = stderr.toLowerCase(Locale.ROOT);
        String firstError = stderr.lines().filter(l -> l.startsWith("ERROR")).findFirst().orElse(stderr.strip());
        LOG.warn("{} failed: {}", tool, firstError);
        if (lower.contains("policy check failed") || lower.contains("0x99d")) {
            return new LocalizedException("key.tpm.pcrChanged", config.pcrs());
        }
        if (lower.contains("integrity check failed") || lower.contains("0x1df")) {
            return new LocalizedException("key.tpm.otherMachine");
        }
        if (lower.contains("tcti") || lower.contains("connection refused") || lower.contains("no such file or directory")
                && lower.contains("/dev/tpm")) {
            return new LocalizedException("key.tpm.unavailable", config.describeTarget(), firstError);
        }
        return new LocalizedException("key.tpm.failed", tool, firstError);
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path workDirectory(Path keys) {
        try {
            Files.createDirectories(keys);
            Path work = Files.createTempDirectory(keys, "tpm-");
            FilePermissions.ownerOnly(work);
            return work;
        } catch (IOException e) {
            throw new LocalizedException(e, "replica.error.keyStoreUnwritable", keys.toString());
        }
    }

    private static void moveInto(Path from, Path to) {
        try {
            FilePermissions.ownerOnly(from);
            try {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LocalizedException(e, "replica.error.keyStoreUnwritable", to.toString());
        }
    }

    private static void delete(Path work) {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(work)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        } catch (IOException e) {
            LOG.warn("The TPM work folder {} could not be listed for removal; it holds no secret", work, e);
            return;
        }
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.warn("{} could not be removed; it holds no secret", p, e);
            }
        }
    }
}
