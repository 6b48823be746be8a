package cn.shebao.counter.workstation.staff;

import cn.shebao.counter.workstation.command.CommandRoute;
import cn.shebao.counter.workstation.command.FeatureContribution;
import java.time.Clock;
import java.util.List;

/** Administering staff accounts and changing one's own password: commands only (the accounts are security's). */
public final class StaffContribution implements FeatureContribution {

    @Override
    public List<Class<?>> sharedEntities() {
        return List.of();
    }

    @Override
    public List<CommandRoute> commands(Clock centralClock) {
        return new StaffHandlers().routes();
    }
}
