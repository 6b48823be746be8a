package cn.shebao.counter.workstation.store;

import cn.shebao.counter.workstation.citizen.InsuredPerson;

/** Test rows shared across packages. */
public final class ReplicaTestSupport {

    private ReplicaTestSupport() {
    }

    public static InsuredPerson person(String idNumber, String name) {
        return ReplicaTest.person(idNumber, name);
    }
}
