package cn.shebao.counter.workstation.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A JVM of the soak (a workstation or a service instance) started from this build's classes, its output appended to a
 * log file of its own and handed line by line to a listener, and the signals a fault sends: SIGKILL, SIGSTOP, SIGCONT.
 */
final class ChildProcess {

    static final String CLASS_PATH = System.getProperty("java.class.path");

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final Consumer<String> lines;
    private volatile Process process;
    private volatile PrintWriter input;

    ChildProcess(String name, List<String> jvmOptions, String mainClass, List<String> args, Map<String, String> environment, Path log,
            Consumer<String> lines) {
        this.name = name;
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.add("-Xmx384m");
        c.addAll(jvmOptions);
        c.add("-cp");
        c.add(CLASS_PATH);
        c.add(mainClass);
        c.addAll(args);
        this.command = List.copyOf(c);
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.lines = lines;
    }

    String name() {
        return name;
    }

    synchronized void start() throws IOException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        b.environment().putAll(environment);
        Process p = b.start();
        process = p;
        input = new PrintWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8), true);
        Thread pump = new Thread(() -> pump(p), name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    private void pump(Process p) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            boolean logging = true;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (logging) {
                    try {
                        Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        // The log is the runner's; losing it must not stop the answers (an unread pipe would block the child).
                        System.out.println("soak: " + name + "'s log cannot be written any more: " + e.getMessage());
                        logging = false;
                    }
                }
                lines.accept(line);
            }
        } catch (IOException e) {
            lines.accept("#output " + e.getMessage()); // the pipe broke as the process died; its exit tells more
        }
        lines.accept("#closed"); // the process is gone (killed, crashed or done): nothing more will be answered
    }

    boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    long pid() {
        return process.pid();
    }

    void send(String line) {
        PrintWriter in = input;
        if (in != null) {
            in.println(line);
        }
    }

    /** SIGKILL: no shutdown hook, no Derby shutdown, no flush; waits until the process is gone. */
    void kill() throws InterruptedException {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL for 30 s");
            }
        }
    }

    void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process p = process;
        if (p != null && p.isAlive()) {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + p.pid() + " failed");
            }
        }
    }

    int exitCode() {
        return process.exitValue();
    }

    /** Waits for the process to end by itself (after QUIT); true when it did within the time. */
    boolean awaitExit(long seconds) throws InterruptedException {
        Process p = process;
        return p == null || p.waitFor(seconds, TimeUnit.SECONDS);
    }
}
