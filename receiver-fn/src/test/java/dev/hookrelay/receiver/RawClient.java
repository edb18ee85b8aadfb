package dev.hookrelay.receiver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A client that sends a request's head and as much of its body as a test wants, then reads
 * whatever comes back: what a slow or unfinished upload looks like to the server.
 */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawClient(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the request line and headers, announcing a body of contentLength bytes. */
    RawClient head(String method, String path, long contentLength, Map<String, String> headers) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .append("Content-Length: ").append(contentLength).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return send(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    }

    RawClient send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response's status line and headers, or null when the server closed the connection without one. */
    String responseHead() {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                    return head.toString(StandardCharsets.US_ASCII);
                }
            }
            return head.size() == 0 ? null : head.toString(StandardCharsets.US_ASCII);
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException("no answer within 30 s; received so far: " + head, e);
        } catch (IOException e) {
            return head.size() == 0 ? null : head.toString(StandardCharsets.US_ASCII);
        }
    }

    /** True once the server has closed the connection (end of stream or reset), reading whatever came first. */
    boolean closedByServer() {
        try {
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // drain an answer sent before the close
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a test socket: nothing to do
        }
    }
}
