package io.scatter.messaging.transport;

import com.rabbitmq.client.Channel;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskMessage;
import io.scatter.engine.transport.DeadTask;
import io.scatter.engine.transport.TaskDelivery;
import io.scatter.messaging.AmqpMessage;
import io.scatter.messaging.CloudEventAmqpCodec;
import io.scatter.messaging.MessageSigning;
import io.scatter.messaging.ScatterEvents;
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

/** Task messages a worker must not trust: each is dead-lettered with its reason and never reaches the handler. */
class HostileTaskMessagesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String KEY = "hostile-messages-test-key";

    private static RabbitTransportFixture fixture;

    private final BlockingQueue<TaskDelivery> handled = new LinkedBlockingQueue<>();

    @BeforeAll
    static void createVhost() throws Exception {
        fixture = RabbitTransportFixture.create("hostile");
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
    void aBodyOverTheLimitIsDeadLetteredBeforeItIsRead() throws Exception {
        UUID job = UUID.randomUUID();
        String padding = "x".repeat(TaskAdmission.DEFAULT_MAX_BODY_BYTES);
        AmqpMessage huge = task(job, "{\"jobId\":\"" + job + "\",\"taskIndex\":0,\"taskCount\":1,"
                + "\"jobType\":\"prime-count\",\"payload\":{\"pad\":\"" + padding + "\"}}");

        assertThat(deadLetterReason(huge, TaskAdmission.DEFAULTS)).isEqualTo("refused task message: message body of "
                + huge.body().length + " bytes exceeds the limit of 65536 bytes");
    }

    @Test
    void anUnsignedTaskIsDeadLetteredByAWorkerWithAKey() throws Exception {
        UUID job = UUID.randomUUID();

        assertThat(deadLetterReason(task(job, validBody(job)), signed()))
                .isEqualTo("refused task message: bad signature: the message is not signed (no x-scatter-signature "
                        + "header)");
    }

    @Test
    void aTaskSignedWithAnotherKeyIsDeadLettered() throws Exception {
        UUID job = UUID.randomUUID();
        AmqpMessage forged = MessageSigning.withKeys("a-key-the-rogue-publisher-made-up")
                .sign(task(job, validBody(job)));

        assertThat(deadLetterReason(forged, signed()))
                .isEqualTo("refused task message: bad signature: it matches none of this process's signing keys");
    }

    @Test
    void aTaskSignedWithTheKeyIsHandedToTheHandlerAndTheTransportSignsWhatItPublishes() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        transport.admitTasks(signed());
        TaskMessage task = new TaskMessage(UUID.randomUUID(), 0, 1, "prime-count", Map.of("from", 1, "to", 9));
        transport.publishTasks(List.of(task));
        transport.consumeTasks(1, delivery -> {
            handled.add(delivery);
            delivery.ack();
        });

        TaskDelivery delivery = handled.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(delivery).isNotNull();
        assertThat(delivery.task()).isEqualTo(task);
    }

    @Test
    void dataNestedDeeperThanTheLimitIsDeadLettered() throws Exception {
        UUID job = UUID.randomUUID();
        String deep = "[".repeat(40) + "]".repeat(40);

        assertThat(deadLetterReason(task(job, validBody(job).replace("\"sieve\"", deep)), TaskAdmission.DEFAULTS))
                .startsWith("malformed task message: malformed scatter.task.v1 data: ")
                .contains("nesting depth");
    }

    @Test
    void aKeyGivenTwiceIsDeadLettered() throws Exception {
        UUID job = UUID.randomUUID();
        String twice = validBody(job).replace("\"taskIndex\":0", "\"taskIndex\":0,\"taskIndex\":5");

        assertThat(deadLetterReason(task(job, twice), TaskAdmission.DEFAULTS))
                .startsWith("malformed task message: malformed scatter.task.v1 data: Duplicate field 'taskIndex'");
    }

    @Test
    void aNumberLongerThanTheLimitIsDeadLettered() throws Exception {
        UUID job = UUID.randomUUID();
        String huge = validBody(job).replace("\"to\":99", "\"to\":" + "9".repeat(500));

        assertThat(deadLetterReason(task(job, huge), TaskAdmission.DEFAULTS))
                .startsWith("malformed task message: malformed scatter.task.v1 data: ")
                .contains("Number value length");
    }

    @Test
    void aTaskWhoseSubjectIsNotItsJobIsDeadLettered() throws Exception {
        UUID job = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        assertThat(deadLetterReason(task(other, validBody(job)), TaskAdmission.DEFAULTS))
                .isEqualTo("malformed task message: its subject '" + other + "' is not its jobId " + job);
    }

    private static TaskAdmission signed() throws MessageSigning.KeyException {
        return new TaskAdmission(TaskAdmission.DEFAULT_MAX_BODY_BYTES, MessageSigning.withKeys(KEY));
    }

    private static String validBody(UUID job) {
        return "{\"jobId\":\"" + job + "\",\"taskIndex\":0,\"taskCount\":1,\"jobType\":\"prime-count\","
                + "\"payload\":{\"from\":1,\"to\":99,\"algorithm\":\"sieve\"}}";
    }

    private static AmqpMessage task(UUID subject, String body) {
        return CloudEventAmqpCodec.encode(ScatterEvents.event(ScatterEvents.newId(), Channels.API_SOURCE,
                TaskMessage.TYPE, subject.toString(), Instant.now(), body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Publishes {@code message} as a rogue publisher would, and the reason it was dead-lettered with. */
    private String deadLetterReason(AmqpMessage message, TaskAdmission admission) throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        transport.admitTasks(admission);
        try (Channel channel = fixture.channel()) {
            channel.confirmSelect();
            channel.basicPublish(TaskMessage.EXCHANGE, TaskMessage.ROUTING_KEY, true, message.properties(),
                    message.body());
            channel.waitForConfirmsOrDie(WAIT.toMillis());
        }
        transport.consumeTasks(1, delivery -> {
            handled.add(delivery);
            delivery.ack();
        });
        List<DeadTask> dead = RabbitTaskTransportTest.awaitDeadTasks(transport, 1);
        assertThat(handled).isEmpty();
        assertThat(dead).hasSize(1);
        return dead.get(0).reason();
    }
}
