package cn.shebao.counter.archfixture.layers.shell;

/** The shell, above the composition root. */
public final class Window {
}
