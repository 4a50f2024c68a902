package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scatter.messaging.testing.TestVhost;

import java.util.HashSet;
import java.util.Set;

/** What the local RabbitMQ says about the connections of a drill's processes, by {@code rabbitmqctl}. */
final class BrokerConnections {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BrokerConnections() {
    }

    /** The broker's process ids of the connections in {@code vhost} with the client-provided name {@code name}. */
    static Set<String> of(String vhost, String name) throws Exception {
        Set<String> found = new HashSet<>();
        for (JsonNode connection : JSON.readTree(TestVhost.rabbitmqctl("list_connections", "pid", "vhost",
                "client_properties", "--formatter", "json"))) {
            if (vhost.equals(connection.path("vhost").asText())
                    && connection.path("client_properties").toString().contains("\"" + name + "\"")) {
                found.add(connection.path("pid").asText());
            }
        }
        return found;
    }

    /** Whether RabbitMQ lists a connection named {@code name} (the client-provided name) in {@code vhost}. */
    static boolean connected(String vhost, String name) throws Exception {
        return !of(vhost, name).isEmpty();
    }

    /** How many deliveries RabbitMQ has sent on the connection named {@code name} that are not settled yet. */
    static int unacknowledged(String vhost, String name) throws Exception {
        Set<String> connections = of(vhost, name);
        if (connections.isEmpty()) {
            throw new AssertionError("RabbitMQ lists no connection named '" + name + "' in " + vhost);
        }
        int unacknowledged = 0;
        for (JsonNode channel : JSON.readTree(TestVhost.rabbitmqctl("list_channels", "connection",
                "messages_unacknowledged", "--formatter", "json"))) {
            if (connections.contains(channel.path("connection").asText())) {
                unacknowledged += channel.path("messages_unacknowledged").asInt();
            }
        }
        return unacknowledged;
    }
}
