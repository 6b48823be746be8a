package cn.shebao.counter.archfixture.layers.store;

import cn.shebao.counter.archfixture.layers.drugs.DrugThatOpensRecords;
import java.util.List;

/** Breaks the layers on purpose (the store names a feature's entity): {@code LayerRulesTest} proves it is caught. */
public final class StoreThatListsEntities {

    public List<Class<?>> entities() {
        return List.of(DrugThatOpensRecords.class);
    }
}
