package cn.shebao.counter.workstation.store;

import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.ui.ErrorDialog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PersonalDataInLogsTest}'s child: a fresh JVM (so Derby boots with the product's error-log setting and the
 * product's logback.xml) that opens a damaged replica, reads every person as a records screen would, and handles the
 * failure as the workstation does: logged with its stack, and the error dialog's "copy details" text printed.
 */
public final class ReadDamagedReplica {

    private static final Logger LOG = LoggerFactory.getLogger(ReadDamagedReplica.class);

    private ReadDamagedReplica() {
    }

    public static void main(String[] args) throws Exception {
        DataDirectory dir = new DataDirectory(Path.of(args[0]));
        KeyStoreKeyProtector keys = new KeyStoreKeyProtector(Path.of(args[1]), args[2].toCharArray());
        try (Replica replica = Replica.open(dir, keys, DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
            try (Connection c = replica.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT * FROM insured_person")) {
                int n = 0;
                while (rows.next()) {
                    n++;
                }
                System.out.println("read " + n + " persons without an error");
            }
        } catch (Exception e) {
            LOG.error("Reading the persons failed", e);
            System.out.println("DETAILS BEGIN");
            System.out.println(ErrorDialog.details(e));
            System.out.println("DETAILS END");
        }
    }
}
