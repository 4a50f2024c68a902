package io.scatter.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.impl.LongStringHelper;
import io.scatter.contracts.Channels;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** What {@link Topology} declares on each broker product, recorded from a stand-in channel (no broker). */
class TopologyTest {

    private static final Map<String, Object> RABBITMQ = Map.of("product", LongStringHelper.asLongString("RabbitMQ"),
            "version", LongStringHelper.asLongString("4.1.0"));
    private static final Map<String, Object> QPID = Map.of("product",
            LongStringHelper.asLongString("Apache Qpid Broker-J Core"), "version", LongStringHelper.asLongString(
                    "10.1.0"));

    @Test
    void theBrokerProductIsReadFromTheServerProperties() {
        assertThat(BrokerProduct.of(RABBITMQ)).isEqualTo(BrokerProduct.RABBITMQ);
        assertThat(BrokerProduct.of(QPID)).isEqualTo(BrokerProduct.QPID);
        assertThat(BrokerProduct.of(Map.of())).isEqualTo(BrokerProduct.RABBITMQ);
        assertThat(BrokerProduct.of((Map<String, Object>) null)).isEqualTo(BrokerProduct.RABBITMQ);
        assertThat(BrokerProduct.RABBITMQ.countsDeliveries()).isTrue();
        assertThat(BrokerProduct.QPID.countsDeliveries()).isFalse();
    }

    @Test
    void onRabbitMqTheWorkQueuesAreQuorumQueuesWithADeliveryLimitAndDeadLettering() throws Exception {
        Recorder recorder = new Recorder(RABBITMQ);

        Topology.declare(recorder.channel());

        assertThat(recorder.queueArguments(Channels.TASKS_QUEUE)).containsOnly(
                entry("x-queue-type", "quorum"),
                entry("x-delivery-limit", Channels.DELIVERY_LIMIT),
                entry("x-dead-letter-exchange", Channels.DEAD_LETTER_EXCHANGE),
                entry("x-dead-letter-routing-key", Channels.TASKS_DEAD_LETTER_QUEUE),
                entry("x-dead-letter-strategy", "at-least-once"),
                entry("x-overflow", "reject-publish"));
        assertThat(recorder.queueArguments(Channels.RESULTS_QUEUE))
                .containsEntry("x-dead-letter-routing-key", Channels.RESULTS_DEAD_LETTER_QUEUE);
        assertThat(recorder.queueArguments(Channels.TASKS_DEAD_LETTER_QUEUE)).containsOnly(
                entry("x-queue-type", "quorum"));
        assertThat(recorder.bindings).containsExactlyInAnyOrder(
                Channels.TASKS_DEAD_LETTER_QUEUE + " <- " + Channels.DEAD_LETTER_EXCHANGE + " : "
                        + Channels.TASKS_DEAD_LETTER_QUEUE,
                Channels.RESULTS_DEAD_LETTER_QUEUE + " <- " + Channels.DEAD_LETTER_EXCHANGE + " : "
                        + Channels.RESULTS_DEAD_LETTER_QUEUE,
                Channels.TASKS_QUEUE + " <- " + Channels.TASKS_EXCHANGE + " : " + Channels.TASKS_QUEUE,
                Channels.RESULTS_QUEUE + " <- " + Channels.RESULTS_EXCHANGE + " : " + Channels.RESULTS_QUEUE);
    }

    @Test
    void onQpidTheWorkQueuesUseQpidsAlternateExchangeAndDeliveryCountAndNoRabbitMqArgument() throws Exception {
        Recorder recorder = new Recorder(QPID);

        Topology.declare(recorder.channel());

        for (String queue : List.of(Channels.TASKS_QUEUE, Channels.RESULTS_QUEUE)) {
            assertThat(recorder.queueArguments(queue)).as(queue).containsOnly(
                    entry("alternateExchange", Channels.DEAD_LETTER_EXCHANGE),
                    entry("x-qpid-maximum-delivery-count", Channels.DELIVERY_LIMIT));
        }
        assertThat(recorder.queueArguments(Channels.TASKS_DEAD_LETTER_QUEUE)).isEmpty();
        assertThat(recorder.queueArguments(Channels.RESULTS_DEAD_LETTER_QUEUE)).isEmpty();
        assertThat(recorder.durableQueues).containsExactlyInAnyOrder(Channels.TASKS_QUEUE, Channels.RESULTS_QUEUE,
                Channels.TASKS_DEAD_LETTER_QUEUE, Channels.RESULTS_DEAD_LETTER_QUEUE);
        assertThat(recorder.bindings).contains(
                Channels.TASKS_DEAD_LETTER_QUEUE + " <- " + Channels.DEAD_LETTER_EXCHANGE + " : "
                        + Channels.TASKS_QUEUE,
                Channels.RESULTS_DEAD_LETTER_QUEUE + " <- " + Channels.DEAD_LETTER_EXCHANGE + " : "
                        + Channels.RESULTS_QUEUE);
        assertThat(recorder.exchanges).containsExactlyInAnyOrder(Channels.DEAD_LETTER_EXCHANGE,
                Channels.TASKS_EXCHANGE, Channels.RESULTS_EXCHANGE, Channels.CONTROL_EXCHANGE,
                Channels.HEARTBEATS_EXCHANGE);
    }

    @Test
    void bothProductsGetTheHeartbeatExchangeButOnlyRabbitMqGetsATtlOnTheListenersQueues() throws Exception {
        for (Map<String, Object> product : List.of(RABBITMQ, QPID)) {
            Recorder recorder = new Recorder(product);
            Topology.declare(recorder.channel());
            assertThat(recorder.exchanges).contains(Channels.HEARTBEATS_EXCHANGE);
            assertThat(recorder.queues).doesNotContainKey(Channels.HEARTBEATS_EXCHANGE);
        }
        assertThat(Topology.heartbeatQueueArguments(BrokerProduct.RABBITMQ))
                .containsOnly(entry("x-message-ttl", (int) Topology.HEARTBEAT_TTL.toMillis()));
        assertThat(Topology.heartbeatQueueArguments(BrokerProduct.QPID)).isEmpty();
    }

    /** A channel that records declarations, on a connection with the given server properties. */
    private static final class Recorder {

        final Map<String, Map<String, Object>> queues = new HashMap<>();
        final List<String> durableQueues = new ArrayList<>();
        final List<String> bindings = new ArrayList<>();
        final List<String> exchanges = new ArrayList<>();
        private final Map<String, Object> serverProperties;

        Recorder(Map<String, Object> serverProperties) {
            this.serverProperties = serverProperties;
        }

        Map<String, Object> queueArguments(String queue) {
            assertThat(queues).containsKey(queue);
            return queues.get(queue);
        }

        @SuppressWarnings("unchecked")
        Channel channel() {
            Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getServerProperties" -> serverProperties;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
            return (Channel) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Channel.class},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "getConnection" -> {
                                return connection;
                            }
                            case "exchangeDeclare" -> {
                                exchanges.add((String) args[0]);
                                return null;
                            }
                            case "queueDeclare" -> {
                                queues.put((String) args[0], args[4] == null ? Map.of()
                                        : new HashMap<>((Map<String, Object>) args[4]));
                                if ((Boolean) args[1]) {
                                    durableQueues.add((String) args[0]);
                                }
                                return null;
                            }
                            case "queueBind" -> {
                                bindings.add(args[0] + " <- " + args[1] + " : " + args[2]);
                                return null;
                            }
                            default -> throw new UnsupportedOperationException(method.getName()
                                    + Arrays.toString(method.getParameterTypes()));
                        }
                    });
        }
    }
}
