package cn.shebao.counter.workstation.identity;

import cn.shebao.counter.workstation.command.CommandRoute;
import cn.shebao.counter.workstation.command.FeatureContribution;
import java.time.Clock;
import java.util.List;

/** Identity confirmations and the online accounts issued on them. */
public final class IdentityContribution implements FeatureContribution {

    @Override
    public List<Class<?>> sharedEntities() {
        return List.of(OnlineAccount.class, IdentityConfirmation.class);
    }

    @Override
    public List<CommandRoute> commands(Clock centralClock) {
        return new CredentialHandlers(centralClock).routes();
    }
}
