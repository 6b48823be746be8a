package cn.shebao.counter.archfixture.layers.command;

/** The handlers' contract where it belongs, in the command layer. */
public interface Handler {
    void apply();
}
