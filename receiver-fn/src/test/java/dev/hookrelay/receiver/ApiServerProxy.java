package dev.hookrelay.receiver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP forwarder between a function and the API server (TLS passes through untouched) that
 * can slow every answer down, or lose the next one: the request reaches the API server, which
 * commits it, but its answer never reaches the function, whose connection is then cut — what a
 * timeout or a connection reset after sending looks like from the function's side.
 */
final class ApiServerProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int upstreamPort;
    private final AtomicBoolean loseNext = new AtomicBoolean();
    private volatile long latencyMillis;
    private volatile long lostAnswerHoldMillis;
    private volatile long downMillis;
    private volatile long refuseUntil;

    ApiServerProxy(String apiServerUrl) throws IOException {
        this.upstreamPort = URI.create(apiServerUrl).getPort();
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "api-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A copy of {@code kubeconfig} that reaches the API server through this proxy. */
    Path kubeconfig(Path kubeconfig) {
        try {
            String text = Files.readString(kubeconfig).replace(":" + upstreamPort, ":" + server.getLocalPort());
            return Files.writeString(Files.createTempFile("kubeconfig-proxied-", ""), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every chunk the API server sends waits this long before it is passed on. */
    void latency(Duration latency) {
        latencyMillis = latency.toMillis();
    }

    /**
     * The next answer the API server sends is swallowed: for {@code hold} nothing more reaches the
     * function on that connection, then the connection is cut, and for {@code down} after that
     * every new connection is closed at once.
     */
    void loseNextAnswer(Duration hold, Duration down) {
        lostAnswerHoldMillis = hold.toMillis();
        downMillis = down.toMillis();
        loseNext.set(true);
    }

    boolean answerLost() {
        return !loseNext.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (System.nanoTime() < refuseUntil) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                pump(client, upstream, false);
                pump(upstream, client, true);
            } catch (IOException e) {
                return;
            }
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
            }
        }, "api-proxy-pump");
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
        server.close();
    }
}
