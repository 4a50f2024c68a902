package io.scatter.messaging;

import com.rabbitmq.client.Connection;

import java.util.Locale;
import java.util.Map;

/**
 * Which AMQP 0-9-1 broker a connection reached, read from the {@code product} server property: RabbitMQ says
 * {@code RabbitMQ}, Apache Qpid Broker-J (embedded by the head node) {@code Apache Qpid Broker-J Core}. The two differ
 * where Scatter depends on them:
 *
 * <table>
 *   <caption>RabbitMQ and Qpid Broker-J as Scatter uses them</caption>
 *   <tr><th></th><th>RabbitMQ</th><th>Qpid Broker-J</th></tr>
 *   <tr><td>queue arguments</td><td>{@code x-queue-type}, {@code x-delivery-limit}, {@code x-dead-letter-…}</td>
 *       <td>rejects those (closing the connection); {@code alternateExchange},
 *       {@code x-qpid-maximum-delivery-count}</td></tr>
 *   <tr><td>delivery count</td><td>the quorum queue's {@code x-delivery-count} header on every delivery</td>
 *       <td>none a client sees; only the {@code redelivered} flag</td></tr>
 *   <tr><td>{@code basic.nack(requeue=true)}</td><td>counts as a delivery</td><td>does not count</td></tr>
 *   <tr><td>{@code basic.reject(requeue=false)}</td><td>dead-letters</td>
 *       <td>returns the message to the queue for other consumers, unless the delivery limit is reached</td></tr>
 *   <tr><td>a consumer that goes away</td><td>counted, dead-lettered past the limit</td>
 *       <td>redelivered without limit</td></tr>
 * </table>
 */
public enum BrokerProduct {

    /** RabbitMQ: quorum queues count deliveries and dead-letter by themselves. */
    RABBITMQ,
    /** Apache Qpid Broker-J: its own queue arguments; Scatter's adapter counts deliveries in a header of its own. */
    QPID;

    /** The server property that names the broker product. */
    public static final String PRODUCT_PROPERTY = "product";

    /** The product behind {@code connection}. */
    public static BrokerProduct of(Connection connection) {
        return of(connection.getServerProperties());
    }

    /** The product named by {@code serverProperties}; anything not Qpid is taken for RabbitMQ. */
    public static BrokerProduct of(Map<String, Object> serverProperties) {
        Object product = serverProperties == null ? null : serverProperties.get(PRODUCT_PROPERTY);
        if (product != null && product.toString().toLowerCase(Locale.ROOT).contains("qpid")) {
            return QPID;
        }
        return RABBITMQ;
    }

    /**
     * Whether the broker tells a consumer how often a message was delivered before ({@code x-delivery-count}) and
     * counts a requeue as a delivery; if not, the transport counts attempts itself.
     */
    public boolean countsDeliveries() {
        return this == RABBITMQ;
    }
}
