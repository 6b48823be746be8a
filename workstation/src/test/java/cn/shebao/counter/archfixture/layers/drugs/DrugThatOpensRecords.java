package cn.shebao.counter.archfixture.layers.drugs;

import cn.shebao.counter.archfixture.layers.records.RecordThatShowsDrugs;

/** One half of a cycle between two features, on purpose: {@code LayerRulesTest} proves it is caught. */
public final class DrugThatOpensRecords {

    public RecordThatShowsDrugs open() {
        return new RecordThatShowsDrugs();
    }
}
