package io.scatter.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.cloudevents.CloudEvent;
import io.scatter.contracts.Channels;
import io.scatter.contracts.JobCancelledMessage;
import io.scatter.contracts.TaskMessage;
import io.scatter.messaging.testing.TestVhost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Topology, confirmed publishing and dead-lettering against the real local RabbitMQ, in a vhost of its own. */
class BrokerRoundTripTest {

    private static TestVhost vhost;
    private static BrokerConnection connection;

    @BeforeAll
    static void connect() throws Exception {
        vhost = TestVhost.create("messaging");
        connection = BrokerConnection.open(vhost.uri(), "messaging-test", null);
        try (Channel channel = connection.openChannel()) {
            Topology.declare(channel);
            Topology.declare(channel);
        }
    }

    @AfterAll
    static void disconnect() {
        if (connection != null) {
            connection.close();
        }
        if (vhost != null) {
            vhost.close();
        }
    }

    @Test
    void aConfirmedTaskArrivesOnTheTaskQueueAsTheSameCloudEvent() throws Exception {
        UUID job = UUID.randomUUID();
        TaskMessage task = new TaskMessage(job, 0, 1, "prime-count", Map.of("from", 0, "to", 100));
        CloudEvent event = ScatterEvents.event(ScatterEvents.newId(), Channels.API_SOURCE, job.toString(),
                Instant.now(), task);
        try (ConfirmingPublisher publisher = new ConfirmingPublisher(connection);
             Channel channel = connection.openChannel()) {
            publisher.publish(new OutgoingMessage(TaskMessage.EXCHANGE, TaskMessage.ROUTING_KEY, event),
                    Duration.ofSeconds(10));

            GetResponse response = channel.basicGet(Channels.TASKS_QUEUE, true);
            assertThat(response).isNotNull();
            CloudEvent read = CloudEventAmqpCodec.decode(response.getProps(), response.getBody());
            assertThat(read.getId()).isEqualTo(event.getId());
            assertThat(ScatterEvents.data(read, TaskMessage.class)).isEqualTo(task);
        }
    }

    @Test
    void anUnroutableMessageIsNotConfirmedAsPublished() throws Exception {
        UUID job = UUID.randomUUID();
        CloudEvent event = ScatterEvents.event(ScatterEvents.newId(), Channels.API_SOURCE, job.toString(),
                Instant.now(), new JobCancelledMessage(job));
        try (ConfirmingPublisher publisher = new ConfirmingPublisher(connection)) {
            assertThatThrownBy(() -> publisher.publish(
                    new OutgoingMessage(Channels.TASKS_EXCHANGE, "no-such-queue", event), Duration.ofSeconds(10)))
                    .isInstanceOf(PublishFailedException.class)
                    .hasMessageContaining("unroutable");
            assertThatThrownBy(() -> publisher.publish(
                    new OutgoingMessage("no-such-exchange", "x", event), Duration.ofSeconds(10)))
                    .isInstanceOf(PublishFailedException.class);
            publisher.publish(new OutgoingMessage(JobCancelledMessage.EXCHANGE, "", event), Duration.ofSeconds(10));
        }
    }

    @Test
    void aRejectedTaskGoesToTheDeadLetterQueueWithItsCloudEventIntact() throws Exception {
        UUID job = UUID.randomUUID();
        TaskMessage task = new TaskMessage(job, 0, 1, "prime-count", Map.of("from", 0, "to", 1));
        CloudEvent event = ScatterEvents.event(ScatterEvents.newId(), Channels.API_SOURCE, job.toString(),
                Instant.now(), task);
        try (ConfirmingPublisher publisher = new ConfirmingPublisher(connection);
             Channel channel = connection.openChannel()) {
            publisher.publish(new OutgoingMessage(TaskMessage.EXCHANGE, TaskMessage.ROUTING_KEY, event),
                    Duration.ofSeconds(10));
            GetResponse delivered = channel.basicGet(Channels.TASKS_QUEUE, false);
            assertThat(delivered).isNotNull();
            channel.basicReject(delivered.getEnvelope().getDeliveryTag(), false);

            GetResponse dead = pollQueue(channel, Channels.TASKS_DEAD_LETTER_QUEUE);
            assertThat(CloudEventAmqpCodec.decode(dead.getProps(), dead.getBody()).getId()).isEqualTo(event.getId());
        }
    }

    private static GetResponse pollQueue(Channel channel, String queue) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            GetResponse response = channel.basicGet(queue, true);
            if (response != null) {
                return response;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nothing arrived on " + queue + " within 30 s");
    }
}
