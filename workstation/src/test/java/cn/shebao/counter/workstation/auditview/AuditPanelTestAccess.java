package cn.shebao.counter.workstation.auditview;

/** What the GUI tests of other packages need to know of the audit screen's filter choices. */
public final class AuditPanelTestAccess {

    private AuditPanelTestAccess() {
    }

    public static int actionGroupIndex(String group) {
        return AuditPanel.ACTION_GROUPS.indexOf(group);
    }
}
