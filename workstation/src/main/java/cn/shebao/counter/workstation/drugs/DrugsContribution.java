package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.workstation.command.CommandRoute;
import cn.shebao.counter.workstation.command.FeatureContribution;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Special drugs: the catalogue and applications, and the specified-disease registrations some drugs require. */
public final class DrugsContribution implements FeatureContribution {

    @Override
    public List<Class<?>> sharedEntities() {
        return List.of(SpecialDrug.class, SpecialDrugApplication.class);
    }

    @Override
    public List<CommandRoute> commands(Clock centralClock) {
        List<CommandRoute> routes = new ArrayList<>(new DrugApplicationHandlers().routes());
        routes.addAll(new SpecifiedDiseaseHandlers().routes());
        return routes;
    }
}
