package cn.shebao.counter.archfixture.layers.central;

import cn.shebao.counter.archfixture.layers.command.Handler;

/** Server code; a feature must not import it. */
public final class Applier {

    public void run(Handler handler) {
        handler.apply();
    }
}
