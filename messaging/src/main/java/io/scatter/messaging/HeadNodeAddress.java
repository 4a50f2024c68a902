package io.scatter.messaging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a head node's embedded broker listens, as a worker names it with {@code --connect HOST[:PORT]}, and the AMQP
 * URI that reaches it. {@code HOST} is a name, an IPv4 address or a bracketed IPv6 address; {@code PORT} defaults to
 * AMQP's 5672.
 *
 * <p>{@code HeadNodeAddress.parse("raspberrypi.local").uri("guest", "guest")} is
 * {@code amqp://guest:guest@raspberrypi.local:5672/scatter}.
 */
public record HeadNodeAddress(String host, int port) {

    /** The head node broker's port unless told otherwise: AMQP's. */
    public static final int DEFAULT_PORT = 5672;
    /** The virtual host a head node's broker serves. */
    public static final String VIRTUAL_HOST = "scatter";
    /** The user a head node's broker lets in unless told otherwise. */
    public static final String DEFAULT_USER = "guest";
    /** That user's password unless told otherwise. */
    public static final String DEFAULT_PASSWORD = "guest";

    public HeadNodeAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the host is empty");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the port must be between 1 and 65535, got " + port);
        }
    }

    /**
     * Parses {@code HOST}, {@code HOST:PORT}, {@code [IPV6]} or {@code [IPV6]:PORT}.
     *
     * @throws IllegalArgumentException with a one-line reason when {@code text} is none of those
     */
    public static HeadNodeAddress parse(String text) {
        String trimmed = Objects.requireNonNull(text, "text").trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("expected HOST or HOST:PORT, got nothing");
        }
        if (trimmed.contains("://") || trimmed.contains("/") || trimmed.contains("@")) {
            throw new IllegalArgumentException("expected HOST or HOST:PORT, got '" + trimmed + "'");
        }
        String host;
        String port = null;
        if (trimmed.startsWith("[")) {
            int close = trimmed.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in '" + trimmed + "'");
            }
            host = trimmed.substring(1, close);
            String rest = trimmed.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("expected [IPV6]:PORT, got '" + trimmed + "'");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = trimmed.indexOf(':');
            if (colon >= 0 && trimmed.indexOf(':', colon + 1) >= 0) {
                throw new IllegalArgumentException("write an IPv6 address in brackets, e.g. [" + trimmed + "]:"
                        + DEFAULT_PORT);
            }
            host = colon < 0 ? trimmed : trimmed.substring(0, colon);
            port = colon < 0 ? null : trimmed.substring(colon + 1);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("no host in '" + trimmed + "'");
        }
        return new HeadNodeAddress(host, port == null ? DEFAULT_PORT : parsePort(port, trimmed));
    }

    private static int parsePort(String port, String text) {
        try {
            int value = Integer.parseInt(port);
            if (value < 1 || value > 65_535) {
                throw new IllegalArgumentException("the port must be between 1 and 65535 in '" + text + "'");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port must be a number in '" + text + "'", e);
        }
    }

    /** The AMQP URI of the head node's virtual host, logging in as {@code user}. */
    public String uri(String user, String password) {
        String literal = host.contains(":") ? "[" + host + "]" : host;
        return "amqp://" + encode(user) + ":" + encode(password) + "@" + literal + ":" + port + "/"
                + encode(VIRTUAL_HOST);
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
