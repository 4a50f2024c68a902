package io.scatter.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forwards every TCP connection it accepts to one target, byte for byte, on daemon threads: lets a process in a
 * network namespace reach a service that listens on loopback only; when either side ends, both are closed.
 */
final class TcpRelay implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 5000;
    private static final int BUFFER = 16 * 1024;

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;
    private volatile boolean cut;

    private TcpRelay(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
        this.acceptor = new Thread(this::accept, "tcp-relay-accept");
        this.acceptor.setDaemon(true);
    }

    /** Listens on an ephemeral port of {@code address} and forwards each connection to {@code target}. */
    static TcpRelay start(InetAddress address, InetSocketAddress target) throws IOException {
        TcpRelay relay = new TcpRelay(new ServerSocket(0, 50, address), target);
        relay.acceptor.start();
        return relay;
    }

    /** Where the relay listens. */
    InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** How many connections the relay has accepted so far. */
    int connections() {
        return accepted.get();
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            int number = accepted.incrementAndGet();
            Socket upstream = new Socket();
            track(client);
            track(upstream);
            try {
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                upstream.connect(target, CONNECT_TIMEOUT_MILLIS);
            } catch (IOException e) {
                closeBoth(client, upstream);
                continue;
            }
            pump("tcp-relay-" + number + "-out", client, upstream);
            pump("tcp-relay-" + number + "-in", upstream, client);
        }
    }

    private void track(Socket socket) {
        open.add(socket);
        if (closed) {
            closeQuietly(socket);
        }
    }

    /** Copies {@code from} to {@code to} on a thread of its own until either ends, then closes both. */
    private void pump(String threadName, Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[BUFFER];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side is gone: the other is closed below, as a broken connection would be
            } finally {
                closeBoth(from, to);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void closeBoth(Socket one, Socket other) {
        closeQuietly(one);
        closeQuietly(other);
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that was asked
        }
    }

    /**
     * Cuts the link as a network outage would, without stopping the target: closes every relayed connection and
     * closes new ones as soon as they are accepted, until {@link #restore()}.
     */
    void cut() {
        cut = true;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    /** Relays new connections again after {@link #cut()}. */
    void restore() {
        cut = false;
    }

    /** Stops accepting and closes every connection it relays. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // nothing more to stop
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        acceptor.join(5000);
    }
}
