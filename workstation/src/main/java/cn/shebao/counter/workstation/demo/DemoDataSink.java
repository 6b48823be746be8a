package cn.shebao.counter.workstation.demo;

/** Where generated rows go: the application's persistence path, or (in the benchmark) raw JDBC. */
public interface DemoDataSink {

    /** Writes one batch in one transaction; when it returns, the batch is committed. */
    void write(DemoBatch batch);
}
