package cn.shebao.counter.archfixture.layers.records;

import cn.shebao.counter.archfixture.layers.drugs.DrugThatOpensRecords;

/** The other half of the cycle. */
public final class RecordThatShowsDrugs {

    public Class<?> drugs() {
        return DrugThatOpensRecords.class;
    }
}
