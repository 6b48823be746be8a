package cn.shebao.counter.workstation.identity;

/** What an online-service account may do. Stored by name, so reordering constants never corrupts data. */
public enum PermissionScope {
    QUERY_ONLY, ONLINE_BUSINESS
}
