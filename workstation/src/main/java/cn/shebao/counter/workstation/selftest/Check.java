package cn.shebao.counter.workstation.selftest;

import java.util.Locale;

/** One thing the installed workstation needs at run time, checked without a window. */
interface Check {

    /** What the check looked at, for the report line. */
    String subject(Locale locale);

    Outcome run(Locale locale);

    /** The result: passed or not, and what was found, in the reader's language. */
    record Outcome(boolean passed, String detail) {

        static Outcome pass(String detail) {
            return new Outcome(true, detail);
        }

        static Outcome fail(String detail) {
            return new Outcome(false, detail);
        }
    }
}
