package cn.shebao.counter.workstation.sync;


import cn.shebao.counter.workstation.store.SqlFlavour;
import cn.shebao.counter.workstation.wire.ChangeEntry;
import cn.shebao.counter.workstation.wire.ChangePage;
import cn.shebao.counter.workstation.wire.ChangeSource;
import cn.shebao.counter.workstation.wire.RowValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Changes down: reads central's change log (through the service) after the replica's cursor, a page at a time, and applies the
 * page and the new cursor in one replica transaction, so a crash repeats a page instead of skipping one.
 * Applying is idempotent by row version; tombstones delete; a row with a pending local command is left
 * alone (the command's own result will come back through the log once central applied it). A tombstone deletes even then:
 * central deletes a row only when it refused the command that created it (row IDs are random UUIDs, never reused), so a
 * later local command on that row (a decision, a withdrawal queued between the refused push and this pull) cannot save
 * it, and skipping the tombstone kept the refused row in the replica for good (the soak found it: one window held one
 * special-drug application more than central). Central refuses that later command too, and the clerk sees it as a
 * conflict. Otherwise central's row
 * wins whenever its version differs from the local one, higher or lower: a local change central refused (a password
 * change, a decision) may have raised the local version past central's, and skipping "older" rows kept it forever.
 */
public final class Puller {

    /** What one page did. */
    public record Page(int entries, int written, int deleted, int skipped, long cursor) {
    }

    private final ChangeSource central;
    private final DataSource replica;
    private final RowCopier copier;
    private final SqlFlavour replicaFlavour;
    private final int pageSize;
    private final Clock clock;

    /** @param central the central service (or, inside it and in tests of the applier, the change log itself) */
    public Puller(ChangeSource central, DataSource replica, int pageSize, Clock clock) {
        this.central = central;
        this.replica = replica;
        this.replicaFlavour = SqlFlavour.of(replica);
        this.copier = new RowCopier(replicaFlavour);
        this.pageSize = pageSize;
        this.clock = clock;
    }

    public Page pullPage() throws SQLException {
        try (Connection local = replica.getConnection()) {
            local.setAutoCommit(false);
            long cursor = cursor(local);
            ChangePage page = central.changesAfter(cursor, pageSize);
            int written = 0;
            int deleted = 0;
            int skipped = 0;
            try {
                for (ChangeEntry e : page.entries()) {
                    if (e.delete()) {
                        copier.delete(local, e.table(), e.rowId());
                        deleted++;
                    } else if (pendingLocally(local, e)) {
                        skipped++;
                    } else {
                        Map<String, Object> row = page.row(e.table(), e.rowId());
                        Long mine = copier.localVersion(local, e.table(), e.rowId());
                        long theirs = row == null ? -1 : ((Number) row.get("row_version")).longValue();
                        if (row == null || (mine != null && mine == theirs)) {
                            skipped++; // deleted since (its tombstone follows) or already this version
                        } else {
                            copier.write(local, e.table(), row, mine != null);
                            written++;
                        }
                    }
                    cursor = e.sequence();
                }
                saveCursor(local, cursor);
                local.commit();
            } catch (SQLException | RuntimeException failure) {
                local.rollback();
                throw failure;
            }
            return new Page(page.entries().size(), written, deleted, skipped, cursor);
        }
    }

    /** Pulls until the log is exhausted; returns the pages applied. */
    public List<Page> pullAll() throws SQLException {
        List<Page> pages = new ArrayList<>();
        for (Page p = pullPage(); p.entries() > 0; p = pullPage()) {
            pages.add(p);
        }
        return pages;
    }

    private boolean pendingLocally(Connection local, ChangeEntry e) throws SQLException {
        try (PreparedStatement ps = local.prepareStatement(
                "SELECT COUNT(*) FROM outbox_command WHERE state = 'PENDING' AND subject_table = ? AND subject_id = ?")) {
            ps.setString(1, e.table());
            ps.setObject(2, RowValues.uuidFor(replicaFlavour, e.rowId()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static long cursor(Connection local) throws SQLException {
        try (PreparedStatement ps = local.prepareStatement("SELECT pull_cursor FROM sync_state WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void saveCursor(Connection local, long cursor) throws SQLException {
        try (PreparedStatement ps = local.prepareStatement("UPDATE sync_state SET pull_cursor = ?, last_pull_at = ? WHERE id = 1")) {
            ps.setLong(1, cursor);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        }
    }
}
