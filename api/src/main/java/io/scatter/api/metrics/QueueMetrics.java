package io.scatter.api.metrics;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.scatter.api.broker.Broker;
import io.scatter.api.workers.PeriodicTask;
import io.scatter.contracts.Channels;
import io.scatter.messaging.BrokerConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every {@code scatter.metrics.refresh-interval}, asks the broker how many messages wait in the task, result and
 * dead-letter queues and how many consumers each has (a passive declare on a channel of the API's connection); NaN
 * while the API is not connected or the broker does not answer.
 */
@Component
class QueueMetrics extends PeriodicTask {

    static final List<String> QUEUES = List.of(Channels.TASKS_QUEUE, Channels.RESULTS_QUEUE,
            Channels.TASKS_DEAD_LETTER_QUEUE, Channels.RESULTS_DEAD_LETTER_QUEUE);

    private static final Logger log = LoggerFactory.getLogger(QueueMetrics.class);

    private final Broker broker;
    private final Map<String, AtomicReference<Double>> messages = new LinkedHashMap<>();
    private final Map<String, AtomicReference<Double>> consumers = new LinkedHashMap<>();
    private volatile Channel channel;

    QueueMetrics(Broker broker, MeterRegistry registry, MetricsProperties properties) {
        super("scatter-queue-metrics", properties.refreshInterval());
        this.broker = broker;
        for (String queue : QUEUES) {
            messages.put(queue, gauge(registry, "scatter.queue.messages", queue,
                    "Messages ready in the queue, waiting for a consumer"));
            consumers.put(queue, gauge(registry, "scatter.queue.consumers", queue, "Consumers of the queue"));
        }
    }

    @Override
    protected void runOnce() {
        Optional<BrokerConnection> connection = broker.connection();
        if (connection.isEmpty()) {
            unknown();
            return;
        }
        try {
            if (channel == null || !channel.isOpen()) {
                channel = connection.get().openChannel();
            }
            for (String queue : QUEUES) {
                AMQP.Queue.DeclareOk declared = channel.queueDeclarePassive(queue);
                messages.get(queue).set((double) declared.getMessageCount());
                consumers.get(queue).set((double) declared.getConsumerCount());
            }
        } catch (IOException | RuntimeException e) {
            unknown();
            throw new IllegalStateException("cannot read the queues from the broker: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        super.stop();
        Channel open = channel;
        if (open != null) {
            try {
                open.abort();
            } catch (IOException e) {
                log.debug("Could not close the channel the queue metrics were read on: {}", e.toString());
            }
        }
    }

    private void unknown() {
        messages.values().forEach(value -> value.set(Double.NaN));
        consumers.values().forEach(value -> value.set(Double.NaN));
    }

    private static AtomicReference<Double> gauge(MeterRegistry registry, String name, String queue,
                                                 String description) {
        AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
        Gauge.builder(name, value, AtomicReference::get).tag("queue", queue).description(description)
                .register(registry);
        return value;
    }
}
