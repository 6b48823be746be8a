package cn.shebao.counter.workstation.wire;

/**
 * The version of the workstation-to-central API. Every request names it in {@link #HEADER}; the service refuses
 * a version it does not speak with {@link #REFUSED_STATUS} and both versions, and the workstation tells IT which
 * side to upgrade instead of guessing at a changed contract.
 */
public final class ApiVersion {

    public static final int CURRENT = 1;
    public static final String HEADER = "X-Shebao-Api";
    /** HTTP 426 Upgrade Required. */
    public static final int REFUSED_STATUS = 426;
    public static final String PREFIX = "/api/v1";

    private ApiVersion() {
    }
}
