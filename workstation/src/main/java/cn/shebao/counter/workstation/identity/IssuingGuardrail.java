package cn.shebao.counter.workstation.identity;

/**
 * Whether new credentials may be issued now. A workstation long out of touch with central, or with a long
 * queue, must stop handing out credentials it cannot have checked against the rest of the system.
 */
@FunctionalInterface
public interface IssuingGuardrail {

    /** @throws cn.shebao.counter.workstation.i18n.LocalizedException saying why issuing is stopped */
    void check();

    static IssuingGuardrail none() {
        return () -> { };
    }
}
