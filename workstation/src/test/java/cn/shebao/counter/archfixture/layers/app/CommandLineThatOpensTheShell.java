package cn.shebao.counter.archfixture.layers.app;

import cn.shebao.counter.archfixture.layers.shell.Window;

/** Breaks the layers on purpose (the composition root reaches up into the shell): {@code LayerRulesTest} proves it is caught. */
public final class CommandLineThatOpensTheShell {

    public Window window() {
        return new Window();
    }
}
