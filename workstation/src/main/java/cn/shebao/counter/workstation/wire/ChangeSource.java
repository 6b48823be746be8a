package cn.shebao.counter.workstation.wire;

/** Central's change log, read a page at a time after a cursor, with the current rows the page names. */
public interface ChangeSource {

    ChangePage changesAfter(long cursor, int max);
}
