package cn.shebao.counter.workstation.security;

import cn.shebao.counter.workstation.command.FeatureContribution;
import java.util.List;

/**
 * Staff accounts, replicated so that a window can log its staff in offline, and the login lockout, which stays on the
 * window that counted the failures. The commands that change accounts are the staff feature's.
 */
public final class SecurityContribution implements FeatureContribution {

    @Override
    public List<Class<?>> sharedEntities() {
        return List.of(StaffUser.class);
    }

    @Override
    public List<Class<?>> replicaOnlyEntities() {
        return List.of(StaffLockout.class);
    }
}
