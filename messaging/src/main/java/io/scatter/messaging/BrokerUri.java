package io.scatter.messaging;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.ConnectionFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A RabbitMQ URI naming one broker, or the nodes of a cluster as comma-separated addresses that share the URI's
 * credentials, virtual host and query: {@code amqp://guest:guest@10.0.0.1:5672,10.0.0.2:5672,[fd00::3]/scatter}.
 *
 * @param nodeUri   the URI with the first address only, as the RabbitMQ client's {@code ConnectionFactory} takes it
 * @param addresses every address, in the order given (the client shuffles them when it connects)
 */
public record BrokerUri(String nodeUri, List<Address> addresses) {

    public BrokerUri {
        Objects.requireNonNull(nodeUri, "nodeUri");
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no address");
        }
    }

    /**
     * Parses {@code uri}; one address is read exactly as the RabbitMQ client reads a URI.
     *
     * @throws IllegalArgumentException with a one-line reason (password redacted) when {@code uri} is malformed
     */
    public static BrokerUri parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        List<String> nodes = nodeUris(uri);
        List<Address> addresses = new ArrayList<>();
        for (String node : nodes) {
            ConnectionFactory factory = new ConnectionFactory();
            configure(factory, node, uri);
            if (nodes.size() > 1 && !hasHost(node)) {
                throw invalid(uri, "cannot read HOST or HOST:PORT in '" + address(node) + "'");
            }
            if (factory.getPort() < 1 || factory.getPort() > 65_535) {
                throw invalid(uri, "the port must be between 1 and 65535 in '" + address(node) + "'");
            }
            addresses.add(new Address(factory.getHost(), factory.getPort()));
        }
        return new BrokerUri(nodes.get(0), addresses);
    }

    /**
     * Sets the credentials, virtual host, TLS and first address of this URI on {@code factory}. An {@code amqps} URI
     * checks the broker's certificate against the JVM's trust store ({@code javax.net.ssl.trustStore}) and its name
     * against the host.
     */
    public void configure(ConnectionFactory factory) {
        configure(factory, nodeUri, nodeUri);
    }

    /** The URI with its password hidden, so that logging this never prints it. */
    @Override
    public String toString() {
        return "BrokerUri[" + BrokerConnection.redact(nodeUri) + ", " + describeAddresses() + "]";
    }

    /** The addresses as {@code host:port,host:port}, for logs. */
    public String describeAddresses() {
        return String.join(",", addresses.stream().map(Address::toString).toList());
    }

    private static void configure(ConnectionFactory factory, String node, String uri) {
        try {
            factory.setUri(node);
            if (factory.isSSL()) {
                factory.enableHostnameVerification();
            }
        } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
            IllegalArgumentException invalid = invalid(uri,
                    BrokerConnection.redact(CloudEventAmqpCodec.oneLine(String.valueOf(e.getMessage()))));
            invalid.initCause(e);
            throw invalid;
        }
    }

    /** One URI per address of {@code uri}: {@code uri} itself unless its authority lists several addresses. */
    private static List<String> nodeUris(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            return List.of(uri);
        }
        int start = scheme + 3;
        int end = start;
        while (end < uri.length() && "/?#".indexOf(uri.charAt(end)) < 0) {
            end++;
        }
        String authority = uri.substring(start, end);
        int at = authority.lastIndexOf('@');
        String hosts = authority.substring(at + 1);
        if (hosts.indexOf(',') < 0) {
            return List.of(uri);
        }
        String before = uri.substring(0, start) + authority.substring(0, at + 1);
        String after = uri.substring(end);
        List<String> nodes = new ArrayList<>();
        for (String address : hosts.split(",", -1)) {
            if (address.isBlank()) {
                throw invalid(uri, "an empty address in the list '" + hosts + "'");
            }
            nodes.add(before + address + after);
        }
        return nodes;
    }

    private static boolean hasHost(String node) {
        try {
            return new URI(node).getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String address(String node) {
        String authority = node.substring(node.indexOf("://") + 3).split("[/?#]", 2)[0];
        return authority.substring(authority.lastIndexOf('@') + 1);
    }

    private static IllegalArgumentException invalid(String uri, String reason) {
        return new IllegalArgumentException("invalid RabbitMQ URI '" + BrokerConnection.redact(uri) + "': " + reason);
    }
}
