package io.scatter.api.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.cloudevents.CloudEvent;
import io.scatter.messaging.AmqpMessage;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.CloudEventAmqpCodec;
import io.scatter.messaging.MalformedMessageException;
import io.scatter.messaging.Topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** A plain AMQP client on a test virtual host, to look at what the API published and to play a worker. */
public final class BrokerProbe implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;

    public BrokerProbe(String uri) {
        try {
            ConnectionFactory factory = BrokerConnection.factory(uri);
            factory.setAutomaticRecoveryEnabled(false);
            connection = factory.newConnection("scatter-api-test-probe");
            channel = connection.createChannel();
            channel.confirmSelect();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Declares Scatter's exchanges and queues (again). */
    public void declareTopology() {
        run(() -> Topology.declare(channel));
    }

    /** Deletes an exchange, with its bindings. */
    public void deleteExchange(String exchange) {
        run(() -> channel.exchangeDelete(exchange));
    }

    /** A new exclusive queue bound to {@code exchange} with {@code routingKey}; returns its name. */
    public String bindNewQueue(String exchange, String routingKey) {
        try {
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, exchange, routingKey);
            return queue;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes a CloudEvent and waits for the broker's confirm. */
    public void publish(String exchange, String routingKey, CloudEvent event) {
        AmqpMessage message = CloudEventAmqpCodec.encode(event);
        publishRaw(exchange, routingKey, message.properties(), message.body());
    }

    /** Publishes any message and waits for the broker's confirm. */
    public void publishRaw(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
        run(() -> {
            channel.basicPublish(exchange, routingKey, true, properties, body);
            try {
                channel.waitForConfirmsOrDie(10_000);
            } catch (InterruptedException | TimeoutException e) {
                throw new IOException(e);
            }
        });
    }

    /** The next message on {@code queue} (acknowledged), or null when it is empty. */
    public GetResponse take(String queue) {
        try {
            return channel.basicGet(queue, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Takes the next message off {@code queue} unacknowledged and rejects it without requeueing, as a plain client
     * would, so that the broker dead-letters it itself; returns it, or null when the queue is empty.
     */
    public GetResponse rejectNext(String queue) {
        try {
            GetResponse response = channel.basicGet(queue, false);
            if (response != null) {
                channel.basicReject(response.getEnvelope().getDeliveryTag(), false);
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes messages from {@code queue} until {@code count} CloudEvents matching {@code wanted} arrived; drops others. */
    public List<CloudEvent> awaitEvents(String queue, int count, Predicate<CloudEvent> wanted) {
        List<CloudEvent> events = new ArrayList<>();
        Poll.until(count + " events on " + queue, () -> {
            for (GetResponse response = take(queue); response != null; response = take(queue)) {
                CloudEvent event = decode(response);
                if (wanted.test(event)) {
                    events.add(event);
                }
            }
            return events.size();
        }, size -> size >= count);
        return events;
    }

    /** The number of ready messages on {@code queue}. */
    public long messageCount(String queue) {
        try {
            return channel.messageCount(queue);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CloudEvent decode(GetResponse response) {
        try {
            return CloudEventAmqpCodec.decode(response.getProps(), response.getBody());
        } catch (MalformedMessageException e) {
            throw new AssertionError("not a CloudEvent: " + e.getMessage(), e);
        }
    }

    private interface Io {
        void run() throws IOException;
    }

    private static void run(Io action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close(5_000);
        } catch (IOException | RuntimeException e) {
            // the virtual host may already be gone
        }
    }
}
