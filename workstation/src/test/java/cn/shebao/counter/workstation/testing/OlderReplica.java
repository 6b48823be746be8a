package cn.shebao.counter.workstation.testing;

import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A replica as an older release left it: the schema only up to {@code version}, with persons written through plain
 * JDBC in the columns that release had. Upgrade tests (and the installer's upgrade check in CI) open it with the
 * current release and compare {@link #fingerprint} before and after.
 */
public final class OlderReplica {

    /** A release before the conflict queue, central time, and drug decisions (3 migrations pending for it). */
    public static final String OLDER_VERSION = "2026.11.27.3";

    private OlderReplica() {
    }

    public static void create(DataDirectory dir, KeyProtector keys, String version, int persons) throws IOException, SQLException {
        try (Replica replica = Replica.open(dir, keys, DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE), step -> { },
                Migrations.Plan.of(Migrations.Role.REPLICA).upTo(version))) {
            insertPersons(replica.dataSource(), persons);
        }
    }

    static void insertPersons(DataSource ds, int persons) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO insured_person (id, row_version, "
                        + "citizen_id_number, name, gender, birth_date, nation_code, household_area_code, status, "
                        + "retirement_category, registered_on) VALUES (?, 1, ?, ?, 'FEMALE', ?, '01', '330106', "
                        + "'CONTRIBUTING', 'FEMALE_STAFF', ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < persons; i++) {
                UUID id = UUID.nameUUIDFromBytes(("older-replica-" + i).getBytes(StandardCharsets.UTF_8));
                insert.setBytes(1, ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                        .putLong(id.getLeastSignificantBits()).array());
                insert.setString(2, String.format("33010619750101%03dX", i));
                insert.setString(3, "升级测试" + i + "号");
                insert.setDate(4, Date.valueOf(LocalDate.of(1975, 1, 1).plusDays(i)));
                insert.setDate(5, Date.valueOf(LocalDate.of(1995, 7, 1)));
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        }
    }

    /** Count and SHA-256 of every person row that matters (id, number, name, birth date), in a stable order. */
    /**
     * How many migrations a replica at {@code version} still has to run: the common and replica scripts after it, read
     * from the classpath as Flyway finds them, so adding a migration needs no edit here.
     */
    public static int migrationsAfter(String version) {
        org.flywaydb.core.api.MigrationVersion older = org.flywaydb.core.api.MigrationVersion.fromVersion(version);
        int pending = 0;
        for (String location : java.util.List.of("db/migration", "db/replica")) {
            java.net.URL url = OlderReplica.class.getClassLoader().getResource(location);
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of(url.toURI()))) {
                pending += (int) files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V.+__.+\\.sql"))
                        .map(n -> org.flywaydb.core.api.MigrationVersion.fromVersion(n.substring(1, n.indexOf("__"))))
                        .filter(v -> v.isNewerThan(older.getVersion())).count();
            } catch (IOException | java.net.URISyntaxException e) {
                throw new IllegalStateException("cannot list the migrations in " + location, e);
            }
        }
        return pending;
    }

    public static String fingerprint(DataSource ds) throws SQLException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long rows = 0;
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id, citizen_id_number, name, birth_date FROM insured_person "
                        + "ORDER BY citizen_id_number")) {
            while (r.next()) {
                rows++;
                sha.update(r.getBytes(1));
                sha.update((r.getString(2) + "|" + r.getString(3) + "|" + r.getDate(4) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return rows + " persons, sha256 " + HexFormat.of().formatHex(sha.digest());
    }
}
