package io.scatter.api.broker;

import io.scatter.messaging.BrokerConnection;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the API's RabbitMQ is.
 *
 * @param uri            the AMQP URI, e.g. {@code amqp://guest:guest@127.0.0.1:5672}, or a cluster's nodes as
 *                       {@code amqp://guest:guest@10.0.0.1:5672,10.0.0.2:5672/vhost}
 * @param connectionName the name shown in the broker's connection list
 */
@ConfigurationProperties("scatter.rabbitmq")
record BrokerProperties(@DefaultValue("amqp://guest:guest@127.0.0.1:5672") String uri,
                        @DefaultValue("scatter-api") String connectionName) {

    @Override
    public String toString() {
        return "BrokerProperties[uri=" + BrokerConnection.redact(uri) + ", connectionName=" + connectionName + "]";
    }
}
