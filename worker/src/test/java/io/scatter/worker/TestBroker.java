package io.scatter.worker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.cloudevents.CloudEvent;
import io.scatter.contracts.Channels;
import io.scatter.contracts.JobCancelledMessage;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.contracts.WorkerHeartbeatMessage;
import io.scatter.messaging.AmqpMessage;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.CloudEventAmqpCodec;
import io.scatter.messaging.ConfirmingPublisher;
import io.scatter.messaging.MalformedMessageException;
import io.scatter.messaging.OutgoingMessage;
import io.scatter.messaging.PublishFailedException;
import io.scatter.messaging.ScatterEvents;
import io.scatter.messaging.Topology;
import io.scatter.messaging.heartbeat.HeartbeatConsumer;
import io.scatter.messaging.testing.TestVhost;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** The API's side of the broker, for tests: publishes tasks and control messages and reads results and queues. */
final class TestBroker implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final TestVhost vhost;
    private final BrokerConnection connection;
    private final ConfirmingPublisher publisher;
    private final Channel channel;

    private TestBroker(TestVhost vhost) throws IOException, InterruptedException {
        this.vhost = vhost;
        this.connection = BrokerConnection.open(vhost.uri(), "worker-test", null);
        this.publisher = new ConfirmingPublisher(connection);
        this.channel = connection.openChannel();
        declareTopology();
    }

    /** A broker view on a new virtual host of its own, deleted again on {@link #close()}. */
    static TestBroker inNewVhost() throws IOException, InterruptedException {
        TestVhost vhost = TestVhost.create("worker");
        try {
            return new TestBroker(vhost);
        } catch (IOException | InterruptedException | RuntimeException e) {
            vhost.close();
            throw e;
        }
    }

    /** The AMQP URI of this broker's virtual host, for the worker under test. */
    String uri() {
        return vhost.uri();
    }

    /** A result and the event that carried it. */
    record Received(CloudEvent event, TaskResultMessage result) {
    }

    static TaskMessage task(String jobType, Map<String, Object> payload) {
        return new TaskMessage(UUID.randomUUID(), 0, 1, jobType, payload);
    }

    void publishTask(TaskMessage task) throws PublishFailedException {
        publish(TaskMessage.EXCHANGE, TaskMessage.ROUTING_KEY, task.jobId(), task);
    }

    void publishCancellation(UUID jobId) throws PublishFailedException {
        publish(JobCancelledMessage.EXCHANGE, JobCancelledMessage.ROUTING_KEY, jobId, new JobCancelledMessage(jobId));
    }

    void publishRawTask(AMQP.BasicProperties properties, byte[] body) throws IOException {
        channel.basicPublish(TaskMessage.EXCHANGE, TaskMessage.ROUTING_KEY, properties, body);
    }

    /** Publishes {@code messages} as they are, in their order, and waits for the broker's confirms. */
    void publishRawTasksConfirmed(List<AmqpMessage> messages) throws IOException, InterruptedException,
            TimeoutException {
        channel.confirmSelect();
        for (AmqpMessage message : messages) {
            channel.basicPublish(TaskMessage.EXCHANGE, TaskMessage.ROUTING_KEY, true, message.properties(),
                    message.body());
        }
        channel.waitForConfirmsOrDie(WAIT.toMillis());
    }

    /** The next result on the results queue, taken off it; fails after {@link #WAIT}. */
    Received awaitResult() throws IOException, InterruptedException, MalformedMessageException {
        GetResponse response = awaitMessage(Channels.RESULTS_QUEUE, true);
        CloudEvent event = CloudEventAmqpCodec.decode(response.getProps(), response.getBody());
        return new Received(event, ScatterEvents.data(event, TaskResultMessage.class));
    }

    /** The next message on {@code queue}, acknowledged or left unacknowledged on this channel; fails after a wait. */
    GetResponse awaitMessage(String queue, boolean ack) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            GetResponse response = channel.basicGet(queue, ack);
            if (response != null) {
                return response;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no message on " + queue + " within " + WAIT.toSeconds() + " s");
    }

    void requeue(GetResponse response) throws IOException {
        channel.basicNack(response.getEnvelope().getDeliveryTag(), false, true);
    }

    /** Messages ready for delivery on {@code queue}. */
    long ready(String queue) throws IOException {
        return channel.queueDeclarePassive(queue).getMessageCount();
    }

    /** Makes results unroutable, so every publish of a result is returned and fails. */
    void unbindResults() throws IOException {
        channel.queueUnbind(Channels.RESULTS_QUEUE, Channels.RESULTS_EXCHANGE, Channels.RESULTS_QUEUE);
    }

    /** Starts passing every heartbeat published on this virtual host to {@code listener}, until closed. */
    HeartbeatConsumer heartbeats(Consumer<WorkerHeartbeatMessage> listener) throws IOException {
        return HeartbeatConsumer.start(connection, listener);
    }

    void deleteExchange(String exchange) throws IOException {
        channel.exchangeDelete(exchange);
    }

    void deleteQueue(String queue) throws IOException {
        channel.queueDelete(queue);
    }

    void declareTopology() throws IOException {
        Topology.declare(channel);
    }

    void purge(String... queues) throws IOException {
        for (String queue : queues) {
            channel.queuePurge(queue);
        }
    }

    private void publish(String exchange, String routingKey, UUID jobId, Object data) throws PublishFailedException {
        CloudEvent event = ScatterEvents.event(ScatterEvents.newId(), Channels.API_SOURCE, jobId.toString(),
                Instant.now(), data);
        publisher.publish(new OutgoingMessage(exchange, routingKey, event), WAIT);
    }

    @Override
    public void close() {
        publisher.close();
        connection.close();
        vhost.close();
    }
}
