package dev.hookrelay.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The network between a client and its server: a TCP forwarder on a loopback port (TLS passes
 * through untouched) that can be cut and restored, slow every answer down, or lose the next
 * answer, so that the request reaches the server, which acts on it, while the client never
 * hears back — what a timeout or a connection reset after sending looks like from the client.
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int upstreamPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicBoolean loseNext = new AtomicBoolean();
    private volatile boolean cut;
    private volatile long latencyMillis;
    private volatile long lostAnswerHoldMillis;
    private volatile long downMillis;
    private volatile long refuseUntil;

    public TcpProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy in front of the server at this URL's port on loopback. */
    public static TcpProxy toServer(String url) throws IOException {
        return new TcpProxy(URI.create(url).getPort());
    }

    public int port() {
        return server.getLocalPort();
    }

    /** A copy of {@code kubeconfig} that reaches its server through this proxy. */
    public Path kubeconfig(Path kubeconfig) {
        try {
            String text = Files.readString(kubeconfig).replace(":" + upstreamPort, ":" + port());
            return Files.writeString(Files.createTempFile("kubeconfig-proxied-", ""), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connections open through the proxy now. */
    public int connections() {
        return open.size() / 2;
    }

    /** Every connection dropped, and new ones closed at once, until {@link #restore()}. */
    public void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    /** Every chunk the server sends waits this long before it is passed on. */
    public void latency(Duration latency) {
        latencyMillis = latency.toMillis();
    }

    /**
     * The next answer the server sends is swallowed: for {@code hold} nothing more reaches the
     * client on that connection, then the connection is cut, and for {@code down} after that
     * every new connection is closed at once.
     */
    public void loseNextAnswer(Duration hold, Duration down) {
        lostAnswerHoldMillis = hold.toMillis();
        downMillis = down.toMillis();
        loseNext.set(true);
    }

    public boolean answerLost() {
        return !loseNext.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut || System.nanoTime() < refuseUntil) {
                    closeQuietly(client);
                    continue;
                }
                connect(client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void connect(Socket client) {
        try {
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
            open.add(client);
            open.add(upstream);
            pump(client, upstream, false);
            pump(upstream, client, true);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to, boolean answers) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    if (answers && loseNext.compareAndSet(true, false)) {
                        Thread.sleep(lostAnswerHoldMillis);
                        refuseUntil = System.nanoTime() + downMillis * 1_000_000;
                        return;
                    }
                    if (answers && latencyMillis > 0) {
                        Thread.sleep(latencyMillis);
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // a side went away: drop the connection as a broken network would
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }
}
