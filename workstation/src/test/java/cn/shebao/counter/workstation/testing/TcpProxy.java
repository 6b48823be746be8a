package cn.shebao.counter.workstation.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy for fault tests, between a workstation and its central database. PASS forwards; CUT
 * closes every open connection and refuses new ones (a cable pulled); BLACKHOLE keeps connections open but
 * forwards nothing (a firewall dropping packets: only timeouts notice); DELAY forwards each chunk late. With several
 * targets it is the load balancer in front of the central service instances: each new connection goes to the next
 * target that accepts it (round robin with failover, as HAProxy's TCP mode with health checks would).
 */
public final class TcpProxy implements AutoCloseable {

    /** DROP_REPLIES forwards requests but loses every answer on the way back: the server did the work, the client never hears. */
    public enum Mode { PASS, CUT, BLACKHOLE, DELAY, DROP_REPLIES }

    private final ServerSocket server;
    private final int[] targetPorts;
    private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong connections = new java.util.concurrent.atomic.AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.PASS;
    private volatile int delayMillis = 200;
    private volatile boolean closed;

    public TcpProxy(int... targetPorts) throws IOException {
        if (targetPorts.length == 0) {
            throw new IllegalArgumentException("no target");
        }
        this.targetPorts = targetPorts.clone();
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public void mode(Mode next) {
        mode = next;
        if (next == Mode.CUT) {
            for (Socket s : open) {
                closeQuietly(s);
            }
        }
    }

    public void delay(int millis) {
        delayMillis = millis;
        mode(Mode.DELAY);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (mode == Mode.CUT) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = upstream();
                if (upstream == null) {
                    closeQuietly(client); // no target up: refused, as a balancer with every backend down
                    continue;
                }
                connections.incrementAndGet();
                // Without these, Nagle's algorithm and delayed ACKs add about 40 ms to every small round trip through
                // the proxy: the PostgreSQL protocol's many short messages then look like a slow network.
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                pump(client, upstream, false);
                pump(upstream, client, true);
            } catch (IOException e) {
                if (!closed) {
                    continue; // one failed connection; keep serving
                }
            }
        }
    }

    /** The connections forwarded so far (a fault on this link hit something when it grew). */
    public long connections() {
        return connections.get();
    }

    /** The currently open forwarded connections, both ends counted. */
    public int openSockets() {
        return open.size();
    }

    private Socket upstream() {
        int start = Math.floorMod(next.getAndIncrement(), targetPorts.length);
        for (int i = 0; i < targetPorts.length; i++) {
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPorts[(start + i) % targetPorts.length]), 2000);
                return upstream;
            } catch (IOException down) {
                closeQuietly(upstream); // this target is down: the next one
            }
        }
        return null;
    }

    private void pump(Socket from, Socket to, boolean replies) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    while (mode == Mode.BLACKHOLE && !from.isClosed()) {
                        Thread.sleep(50);
                    }
                    if (mode == Mode.DELAY) {
                        Thread.sleep(delayMillis);
                    }
                    if (mode == Mode.CUT) {
                        break;
                    }
                    if (replies && mode == Mode.DROP_REPLIES) {
                        continue; // lost on the way back
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the other side went away or the proxy cut it: close both
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : open) {
            closeQuietly(s);
        }
    }
}
