package cn.shebao.counter.archfixture.central;

import cn.shebao.counter.workstation.sync.Pusher;
import javax.swing.JFrame;

/** Breaks the server rules on purpose: {@code ServiceBoundaryTest} proves its rules catch this. */
public final class ServerThatOpensAWindow {

    public Class<?> window() {
        return JFrame.class;
    }

    public Class<?> clientSync() {
        return Pusher.class;
    }
}
