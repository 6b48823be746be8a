package cn.shebao.counter.workstation.demo;

import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.file.Path;
import org.apache.derby.drda.NetworkServerControl;

/**
 * The demo central database, run in a child JVM by {@link DemoCentral}: a Derby network server on 127.0.0.1
 * with built-in authentication. A child process, not a thread: a network server inside the workstation's
 * JVM would also serve the already-booted encrypted replica to any local user, without its boot key.
 * The password arrives in the environment (not the command line, which other users can read); the server
 * stops when its standard input closes, i.e. when the workstation exits or dies.
 */
public final class DemoCentralServer {

    static final String PASSWORD_ENV = "SHEBAO_DEMO_CENTRAL_PASSWORD";
    static final String USER = "demo";
    static final String READY = "DEMO-CENTRAL-READY";

    private DemoCentralServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path home = Path.of(args[1]);
        String password = System.getenv(PASSWORD_ENV);
        if (password == null || password.isEmpty()) {
            throw new IllegalStateException(PASSWORD_ENV + " is not set");
        }
        System.setProperty("derby.system.home", home.toString());
        System.setProperty("derby.connection.requireAuthentication", "true");
        System.setProperty("derby.authentication.provider", "BUILTIN");
        System.setProperty("derby.user." + USER, password);
        NetworkServerControl server = new NetworkServerControl(InetAddress.getLoopbackAddress(), port);
        server.start(new PrintWriter(Writer.nullWriter()));
        for (int i = 0; i < 100; i++) {
            try {
                server.ping();
                break;
            } catch (Exception notYet) {
                Thread.sleep(100);
            }
        }
        System.out.println(READY);
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to go away
        }
        server.shutdown();
    }
}
