package cn.shebao.counter.workstation.central.service;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import cn.shebao.counter.workstation.wire.CentrePolicy;

/**
 * The service's settings: a properties file for what may be read by anyone on the server, the environment for
 * the three secrets (database password, TLS key store password, CA key store password), as a systemd unit's
 * {@code LoadCredential}/{@code Environment} would give them.
 *
 * @param allowPlainDatabase true only for a database on this host (a Unix socket or loopback) or the demo;
 *        otherwise the database URL must say {@code sslmode=verify-full}
 * @param policy the centre's rules for every window ({@code policy.*} keys), sent to the workstations at each sync
 */
public record ServiceConfig(String host, int port, String databaseUrl, String databaseUser, char[] databasePassword,
        Path serviceKeyStore, char[] serviceKeyStorePassword, Path caKeyStore, char[] caKeyStorePassword,
        boolean allowPlainDatabase, CentrePolicy policy) {

    public static final String DB_PASSWORD_ENV = "SHEBAO_DB_PASSWORD";
    public static final String TLS_PASSWORD_ENV = "SHEBAO_TLS_PASSWORD";
    public static final String CA_PASSWORD_ENV = "SHEBAO_CA_PASSWORD";

    public static ServiceConfig read(Path file, Map<String, String> env) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Path base = file.toAbsolutePath().getParent();
        ServiceConfig config = new ServiceConfig(p.getProperty("listen.host", "0.0.0.0"),
                Integer.parseInt(p.getProperty("listen.port", "8443")), required(p, "database.url"), required(p, "database.user"),
                secret(env, DB_PASSWORD_ENV), base.resolve(required(p, "tls.keystore")), secret(env, TLS_PASSWORD_ENV),
                base.resolve(required(p, "ca.keystore")), secret(env, CA_PASSWORD_ENV),
                Boolean.parseBoolean(p.getProperty("database.allowPlain", "false")), CentrePolicy.read(p));
        config.checkDatabaseTls();
        return config;
    }

    /** Refuses a database connection that could be read or redirected on the network. */
    public void checkDatabaseTls() {
        if (allowPlainDatabase || databaseUrl.startsWith("jdbc:derby:") && !databaseUrl.startsWith("jdbc:derby://")) {
            return;
        }
        if (!databaseUrl.contains("sslmode=verify-full")) {
            throw new IllegalArgumentException("database.url must use sslmode=verify-full (or set database.allowPlain=true "
                    + "for a database on this host only)");
        }
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing setting " + key);
        }
        return v.strip();
    }

    private static char[] secret(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("missing environment variable " + name);
        }
        return v.toCharArray();
    }
}
