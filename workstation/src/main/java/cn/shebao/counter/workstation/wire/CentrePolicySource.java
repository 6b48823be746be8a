package cn.shebao.counter.workstation.wire;

/** Central's current rules for the windows ({@link CentrePolicy}), asked once per sync round. */
@FunctionalInterface
public interface CentrePolicySource {

    /** @throws IllegalArgumentException when the answer is incomplete or out of bounds */
    CentrePolicy centrePolicy();
}
