package cn.shebao.counter.workstation.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/** Looks for a secret in clear: in every text column of a database, or in the raw bytes of files. */
final class ClearTextScan {

    private ClearTextScan() {
    }

    /** TABLE.COLUMN of every text column in the APP schema holding the text. */
    static List<String> columnsHolding(DataSource db, String text) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, "APP", "%", "%")) {
                while (rs.next()) {
                    int type = rs.getInt("DATA_TYPE");
                    if (type == Types.VARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR || type == Types.CLOB) {
                        columns.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
                    }
                }
            }
            for (String[] col : columns) {
                // Quoted: metadata gives names in their stored case (Flyway's history table is lower case).
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM \"" + col[0] + "\" WHERE CAST(\"" + col[1]
                        + "\" AS VARCHAR(32672)) LIKE ?")) {
                    ps.setString(1, "%" + text + "%");
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            hits.add(col[0] + "." + col[1]);
                        }
                    }
                }
            }
        }
        return hits;
    }

    /** Files under the directory whose bytes contain the text in UTF-8 (which is also how Derby stores ASCII). */
    static List<Path> filesHolding(Path dir, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> hits = new ArrayList<>();
        if (!Files.exists(dir)) {
            return hits;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (contains(Files.readAllBytes(f), needle)) {
                    hits.add(f);
                }
            }
        }
        return hits;
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
