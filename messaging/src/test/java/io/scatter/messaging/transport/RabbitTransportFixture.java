package io.scatter.messaging.transport;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.scatter.contracts.Channels;
import io.scatter.engine.transport.TransportException;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.testing.TestVhost;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * One virtual host for a test class, emptied before each test: rather than a vhost per test (three {@code rabbitmqctl}
 * runs, about two seconds), the first transport of a test deletes Scatter's queues, and connecting declares them
 * again. Transports handed out are closed by {@link #closeAll()}.
 */
final class RabbitTransportFixture implements AutoCloseable {

    private static final List<String> QUEUES = List.of(Channels.TASKS_QUEUE, Channels.RESULTS_QUEUE,
            Channels.TASKS_DEAD_LETTER_QUEUE, Channels.RESULTS_DEAD_LETTER_QUEUE);

    private final TestVhost vhost;
    private final Connection admin;
    private final List<RabbitTaskTransport> transports = new ArrayList<>();
    private boolean emptied;

    private RabbitTransportFixture(TestVhost vhost, Connection admin) {
        this.vhost = vhost;
        this.admin = admin;
    }

    static RabbitTransportFixture create(String prefix) throws IOException, TimeoutException {
        TestVhost vhost = TestVhost.create(prefix);
        try {
            return new RabbitTransportFixture(vhost, BrokerConnection.factory(vhost.uri()).newConnection(
                    "transport-test-admin"));
        } catch (IOException | TimeoutException | RuntimeException e) {
            vhost.close();
            throw e;
        }
    }

    String vhostName() {
        return vhost.name();
    }

    String uri() {
        return vhost.uri();
    }

    /** A transport on this vhost, with the queues emptied if it is the first one of this test. */
    RabbitTaskTransport newTransport() {
        return newTransport(RabbitTaskTransport.Options.DEFAULTS.withConfirmTimeout(Duration.ofSeconds(10)));
    }

    /** As {@link #newTransport()}, with {@code options}. */
    synchronized RabbitTaskTransport newTransport(RabbitTaskTransport.Options options) {
        try {
            if (!emptied) {
                deleteQueues();
                emptied = true;
            }
            RabbitTaskTransport transport = RabbitTaskTransport.connect(vhost.uri(), "transport-test", options);
            transports.add(transport);
            return transport;
        } catch (IOException | TimeoutException | TransportException e) {
            throw new IllegalStateException("cannot make a transport on " + vhost.name(), e);
        }
    }

    /** A channel for looking at the broker directly; close it after use. */
    Channel channel() throws IOException {
        return admin.createChannel();
    }

    /** Closes every transport handed out since the last call; the next one empties the queues again. */
    synchronized void closeAll() {
        transports.forEach(RabbitTaskTransport::close);
        transports.clear();
        emptied = false;
    }

    private void deleteQueues() throws IOException, TimeoutException {
        try (Channel channel = admin.createChannel()) {
            for (String queue : QUEUES) {
                channel.queueDelete(queue);
            }
        }
    }

    @Override
    public void close() {
        closeAll();
        try {
            admin.close();
        } catch (IOException | RuntimeException e) {
            // the vhost goes away next anyway
        }
        vhost.close();
    }
}
