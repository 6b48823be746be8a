package cn.shebao.counter.device.id;

/** Gender as encoded in a citizen ID number (odd sequence = male) and on the card ('1' / '2'). */
public enum Gender {
    MALE, FEMALE;

    /** GB/T 2261.1 code used on the ID card text block. */
    public char code() {
        return this == MALE ? '1' : '2';
    }
}
