package cn.shebao.counter.workstation.citizen;

/** Kind of childbirth, which sets the statutory leave days. Stored by name, so reordering constants never corrupts data. */
public enum DeliveryType {
    NORMAL, CAESAREAN, MULTIPLE, MISCARRIAGE
}
