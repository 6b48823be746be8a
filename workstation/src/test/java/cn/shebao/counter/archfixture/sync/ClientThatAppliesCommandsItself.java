package cn.shebao.counter.archfixture.sync;

import cn.shebao.counter.workstation.central.CommandApplier;

/** Breaks the client rule on purpose: {@code ServiceBoundaryTest} proves its rules catch this. */
public final class ClientThatAppliesCommandsItself {

    public Class<?> applier() {
        return CommandApplier.class;
    }
}
