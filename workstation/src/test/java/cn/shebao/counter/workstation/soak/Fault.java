package cn.shebao.counter.workstation.soak;

import cn.shebao.counter.workstation.testing.DiskLimit;
import java.time.Duration;

/**
 * One fault of the schedule: when (from the start of the fault phase), what, against which target (a workstation's
 * or a service instance's index; unused for PostgreSQL) and for how long it lasts before it heals.
 */
record Fault(Duration at, Kind kind, int target, Duration lasts) {

    enum Kind {
        /** SIGKILL of a workstation process; restarted when the fault heals. */
        WORKSTATION_KILL,
        /** SIGSTOP of a workstation, SIGCONT when it heals. */
        WORKSTATION_FREEZE,
        /** SIGKILL of one central service instance; restarted when it heals. */
        SERVICE_KILL,
        /** SIGSTOP of a service instance: the balancer still connects to it, requests hang. */
        SERVICE_FREEZE,
        /** PostgreSQL restarted (fast shutdown, start). */
        DATABASE_RESTART,
        /** Every connection between the service instances and PostgreSQL cut, new ones refused. */
        DATABASE_CUT,
        /** Connections between the services and PostgreSQL kept open but nothing forwarded. */
        DATABASE_BLACKHOLE,
        /** Every chunk between the services and PostgreSQL delayed. */
        DATABASE_DELAY,
        /** One workstation's link to the service cut. */
        LINK_CUT,
        /** One workstation's link blackholed: packets dropped, not refused. */
        LINK_BLACKHOLE,
        /** One workstation's link slow. */
        LINK_DELAY,
        /** One workstation's requests reach the service, the answers are lost on the way back: central did the work. */
        LINK_LOSE_REPLIES,
        /** A workstation's machine clock jumped hours forwards; set right when it heals. */
        CLOCK_FORWARD,
        /** A workstation's machine clock jumped hours backwards; set right when it heals. */
        CLOCK_BACK,
        /** One workstation's disk filled to the last page (its data directory is a size-limited tmpfs); freed when it heals. */
        DISK_FULL;

        /** Every kind this machine can strike: a full disk needs a tmpfs, which needs root ({@link DiskLimit}). */
        static java.util.List<Kind> runnableHere() {
            return java.util.Arrays.stream(values()).filter(k -> k != DISK_FULL || DiskLimit.available()).toList();
        }

        boolean onWorkstation() {
            return this == WORKSTATION_KILL || this == WORKSTATION_FREEZE || this == LINK_CUT || this == LINK_BLACKHOLE
                    || this == LINK_DELAY || this == LINK_LOSE_REPLIES || this == CLOCK_FORWARD || this == CLOCK_BACK
                    || this == DISK_FULL;
        }

        boolean onService() {
            return this == SERVICE_KILL || this == SERVICE_FREEZE;
        }
    }

    @Override
    public String toString() {
        return String.format("+%5.1fs %-19s %s for %.1fs", at.toMillis() / 1000.0, kind,
                kind.onWorkstation() ? "workstation " + (target + 1) : kind.onService() ? "service " + (char) ('A' + target) : "database",
                lasts.toMillis() / 1000.0);
    }
}
