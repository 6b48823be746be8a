package cn.shebao.counter.workstation.certificates;

import cn.shebao.counter.workstation.command.CommandRoute;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.FeatureContribution;
import java.time.Clock;
import java.util.List;

/** The register of printed documents, which every window and the online hall verify against. */
public final class CertificatesContribution implements FeatureContribution {

    @Override
    public List<Class<?>> sharedEntities() {
        return List.of(IssuedDocument.class);
    }

    @Override
    public List<CommandRoute> commands(Clock centralClock) {
        return List.of(CommandRoute.of(CommandType.DOCUMENT_ISSUED, CommandRoute.CLERK_OR_SUPERVISOR, null, new DocumentIssuedHandler()));
    }
}
