package io.scatter.messaging.transport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskMessage;
import io.scatter.engine.transport.Subscription;
import io.scatter.engine.transport.TaskDelivery;
import io.scatter.engine.transport.TaskTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Dead letters read as the API stores them, whoever dead-lettered them: a worker by name, the adapter, RabbitMQ. */
class DeadLetterMessageTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant READ_AT = Instant.parse("2030-01-01T00:00:00Z");

    private static RabbitTransportFixture fixture;

    @BeforeAll
    static void createVhost() throws Exception {
        fixture = RabbitTransportFixture.create("dead-letters");
    }

    @AfterAll
    static void deleteVhost() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @AfterEach
    void closeTransports() {
        fixture.closeAll();
    }

    @Test
    void aTaskAWorkerRejectsByNameCarriesTheWorkerTheReasonTheAttemptAndTheTime() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        TaskMessage task = task(1, 3);
        transport.publishTasks(List.of(task));
        String messageId;
        Instant before = Instant.now().minusSeconds(1);
        BlockingQueue<TaskDelivery> deliveries = new LinkedBlockingQueue<>();
        try (Subscription ignored = transport.consumeTasks(1, deliveries::add)) {
            TaskDelivery delivery = deliveries.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(delivery).isNotNull();
            messageId = ((RabbitTaskDelivery) delivery).message().properties().getMessageId();
            delivery.reject("unknown job type 'nope'", "worker-7");
        }

        GetResponse copy = awaitDeadLetter();
        DeadLetterMessage dead = DeadLetterMessage.read(copy.getProps(), copy.getBody(), READ_AT);

        assertThat(copy.getProps().getHeaders().get(RabbitTaskTransport.WORKER_HEADER)).hasToString("worker-7");
        assertThat(dead.messageId()).isEqualTo(messageId).isNotBlank();
        assertThat(dead.task()).isEqualTo(task);
        assertThat(dead.reason()).isEqualTo("unknown job type 'nope'");
        assertThat(dead.attempts()).isEqualTo(1);
        assertThat(dead.worker()).isEqualTo("worker-7");
        assertThat(dead.deadLetteredAt()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void aTaskRejectedWithoutAWorkerNameHasNone() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        transport.publishTasks(List.of(task(0, 1)));
        BlockingQueue<TaskDelivery> deliveries = new LinkedBlockingQueue<>();
        try (Subscription ignored = transport.consumeTasks(1, deliveries::add)) {
            deliveries.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS).reject("no reason at all");
        }

        GetResponse copy = awaitDeadLetter();
        DeadLetterMessage dead = DeadLetterMessage.read(copy.getProps(), copy.getBody(), READ_AT);

        assertThat(copy.getProps().getHeaders()).doesNotContainKey(RabbitTaskTransport.WORKER_HEADER);
        assertThat(dead.worker()).isNull();
        assertThat(dead.reason()).isEqualTo("no reason at all");
    }

    @Test
    void aTaskRabbitMqDeadLettersItselfCarriesTheBrokersReasonAndTime() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        TaskMessage task = task(0, 1);
        transport.publishTasks(List.of(task));
        Instant before = Instant.now().minusSeconds(2);
        try (Channel channel = fixture.channel()) {
            GetResponse response = channel.basicGet(Channels.TASKS_QUEUE, false);
            channel.basicReject(response.getEnvelope().getDeliveryTag(), false);
        }

        GetResponse copy = awaitDeadLetter();
        DeadLetterMessage dead = DeadLetterMessage.read(copy.getProps(), copy.getBody(), READ_AT);

        assertThat(dead.task()).isEqualTo(task);
        assertThat(dead.reason()).isEqualTo("rejected");
        assertThat(dead.attempts()).isEqualTo(1);
        assertThat(dead.worker()).isNull();
        assertThat(dead.deadLetteredAt()).isAfter(before).isNotEqualTo(READ_AT);
    }

    @Test
    void aTaskPastTheQueuesDeliveryLimitCarriesTheBrokersReasonAndItsDeliveries() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        TaskMessage task = task(0, 1);
        transport.publishTasks(List.of(task));
        int deliveries = 0;
        try (Channel channel = fixture.channel()) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline && channel.messageCount(Channels.TASKS_DEAD_LETTER_QUEUE) == 0) {
                GetResponse response = channel.basicGet(Channels.TASKS_QUEUE, false);
                if (response != null) {
                    deliveries++;
                    channel.basicNack(response.getEnvelope().getDeliveryTag(), false, true);
                } else {
                    Thread.sleep(20);
                }
            }
        }

        GetResponse copy = awaitDeadLetter();
        DeadLetterMessage dead = DeadLetterMessage.read(copy.getProps(), copy.getBody(), READ_AT);

        assertThat(deliveries).isEqualTo(TaskTransport.DELIVERY_LIMIT + 1);
        assertThat(dead.task()).isEqualTo(task);
        assertThat(dead.reason()).isEqualTo("delivery_limit");
        assertThat(dead.attempts()).isEqualTo(TaskTransport.DELIVERY_LIMIT + 1);
    }

    @Test
    void aMalformedMessageWithoutAnIdIsKnownByItsBodyAndHasNoTask() {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("text/plain")
                .headers(Map.of(RabbitTaskTransport.REASON_HEADER, "malformed task message: not a CloudEvent")).build();
        byte[] body = "count: many".getBytes(StandardCharsets.UTF_8);

        DeadLetterMessage once = DeadLetterMessage.read(properties, body, READ_AT);
        DeadLetterMessage again = DeadLetterMessage.read(properties, body, READ_AT.plusSeconds(5));

        assertThat(once.task()).isNull();
        assertThat(once.messageId()).startsWith("sha256:").isEqualTo(again.messageId());
        assertThat(once.reason()).isEqualTo("malformed task message: not a CloudEvent");
        assertThat(once.attempts()).isEqualTo(1);
        assertThat(once.deadLetteredAt()).isEqualTo(READ_AT);
    }

    @Test
    void aMessageQpidDeadLetteredItselfHasAnUnknownReasonAndTheAdaptersCount() {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId("m-1")
                .headers(Map.of(InboundMessage.DELIVERIES_HEADER, 4)).build();

        DeadLetterMessage dead = DeadLetterMessage.read(properties, new byte[0], READ_AT);

        assertThat(dead.messageId()).isEqualTo("m-1");
        assertThat(dead.reason()).isEqualTo("unknown");
        assertThat(dead.attempts()).isEqualTo(5);
        assertThat(dead.task()).isNull();
    }

    private static GetResponse awaitDeadLetter() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (Channel channel = fixture.channel()) {
            while (System.nanoTime() < deadline) {
                GetResponse response = channel.basicGet(Channels.TASKS_DEAD_LETTER_QUEUE, true);
                if (response != null) {
                    return response;
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no dead letter within " + WAIT);
    }

    private static TaskMessage task(int index, int count) {
        return new TaskMessage(UUID.randomUUID(), index, count, "prime-count", Map.of("from", 0, "to", 99));
    }
}
