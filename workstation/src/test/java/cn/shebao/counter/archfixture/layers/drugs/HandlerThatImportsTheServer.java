package cn.shebao.counter.archfixture.layers.drugs;

import cn.shebao.counter.archfixture.layers.central.Applier;
import cn.shebao.counter.archfixture.layers.command.Handler;

/** Breaks the layers on purpose (a feature reaches into the server): {@code LayerRulesTest} proves it is caught. */
public final class HandlerThatImportsTheServer implements Handler {

    @Override
    public void apply() {
        new Applier().run(() -> { });
    }
}
