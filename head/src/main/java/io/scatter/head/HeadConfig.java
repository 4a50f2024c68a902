package io.scatter.head;

import io.scatter.api.auth.AuthMode;
import io.scatter.messaging.LogFormat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How to run a head node.
 *
 * @param httpPort       the API's HTTP port (0 picks a free one)
 * @param amqpPort       the embedded broker's AMQP port, which remote workers join (0 picks a free one)
 * @param bind           the address both ports listen on, e.g. {@code 0.0.0.0} for every interface
 * @param dataDirectory  where the database and the broker keep everything, so that jobs survive a restart
 * @param workers        compute threads of the head node's own worker; 0 for none
 * @param brokerUser     the user remote workers log in to the broker as
 * @param brokerPassword that user's password
 * @param workerName     the name of the head node's own worker
 * @param logFormat      how the node writes its log lines
 * @param auth           how the API authenticates its callers
 * @param oidc           the API's Spring properties that accept OIDC JWTs beside API keys; empty: none
 */
record HeadConfig(int httpPort, int amqpPort, String bind, Path dataDirectory, int workers, String brokerUser,
                  String brokerPassword, String workerName, LogFormat logFormat, AuthMode auth,
                  Map<String, String> oidc) {

    HeadConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(brokerUser, "brokerUser");
        Objects.requireNonNull(brokerPassword, "brokerPassword");
        Objects.requireNonNull(workerName, "workerName");
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(auth, "auth");
        oidc = Map.copyOf(Objects.requireNonNull(oidc, "oidc"));
    }

    /** Where PostgreSQL keeps its cluster. */
    Path databaseDirectory() {
        return dataDirectory.resolve("postgres");
    }

    /** Where the broker keeps its configuration and its message store. */
    Path brokerDirectory() {
        return dataDirectory.resolve("broker");
    }

    /** The file the head node writes its first API key to. */
    Path apiKeyFile() {
        return dataDirectory.resolve("api-key");
    }

    /** Whether the ports listen on loopback only, so that no other machine can reach them. */
    boolean loopbackOnly() {
        return bind.startsWith("127.") || "::1".equals(bind) || "localhost".equals(bind);
    }

    @Override
    public String toString() {
        return "HeadConfig[httpPort=" + httpPort + ", amqpPort=" + amqpPort + ", bind=" + bind + ", dataDirectory="
                + dataDirectory + ", workers=" + workers + ", brokerUser=" + brokerUser + ", brokerPassword=***, "
                + "workerName=" + workerName + ", logFormat=" + logFormat + ", auth=" + auth.value() + ", oidc=" + oidc + "]";
    }
}
