package io.scatter.worker;

import java.util.Objects;

/**
 * Where a worker serves {@code /metrics} and its health probes: a bind address and a port (0: any free one), or
 * {@link #NONE}, no HTTP server at all.
 */
public record HttpEndpoint(String bindAddress, int port) {

    /** No HTTP server: the worker neither serves metrics nor makes their registry. */
    public static final HttpEndpoint NONE = new HttpEndpoint("", -1);

    /** The address the server binds to unless told otherwise: every interface, so that Kubernetes probes reach it. */
    public static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";

    public HttpEndpoint {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < -1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
    }

    /** Whether the worker runs an HTTP server. */
    public boolean enabled() {
        return port >= 0;
    }
}
