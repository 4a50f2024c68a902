package io.scatter.worker;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.rabbitmq.client.GetResponse;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskMessage;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.messaging.AmqpMessage;
import io.scatter.messaging.CloudEventAmqpCodec;
import io.scatter.messaging.MessageSigning;
import io.scatter.messaging.ScatterEvents;
import io.scatter.messaging.transport.RabbitTaskTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker given a signing key computes only tasks signed with it, and never logs the key. */
class WorkerSigningTest {

    private static final String KEY = "worker-signing-test-key-7f3c2d9e10";

    private static TestBroker broker;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Worker worker;

    @BeforeAll
    static void createVhost() throws Exception {
        broker = TestBroker.inNewVhost();
    }

    @AfterAll
    static void deleteVhost() {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void stopWorker() {
        if (worker != null) {
            worker.close();
        }
        root().detachAppender(logged);
    }

    @Test
    void aWorkerWithAKeyFromAFileComputesASignedTaskAndDeadLettersAnUnsignedOneWithoutLoggingTheKey(
            @TempDir Path dir) throws Exception {
        Path keyFile = Files.writeString(dir.resolve("signing-key"), KEY + "\n");
        logged.start();
        root().addAppender(logged);
        worker = new Worker(new WorkerOptions().parse(new String[]{"--rabbitmq", broker.uri(), "--concurrency", "1",
                "--name", "signing-worker", "--signing-key-file", keyFile.toString()}, Map.of()), JobTypes.load());
        worker.start();
        TaskMessage unsigned = TestBroker.task("test-sum", Map.of("from", 1, "to", 10));
        TaskMessage signed = TestBroker.task("test-sum", Map.of("from", 1, "to", 4));

        broker.publishRawTasksConfirmed(List.of(encode(unsigned),
                MessageSigning.withKeys(KEY).sign(encode(signed))));

        assertThat(broker.awaitResult().result().jobId()).isEqualTo(signed.jobId());
        GetResponse dead = broker.awaitMessage(Channels.TASKS_DEAD_LETTER_QUEUE, true);
        assertThat(dead.getProps().getHeaders().get("cloudEvents:subject")).hasToString(unsigned.jobId().toString());
        assertThat(dead.getProps().getHeaders().get(RabbitTaskTransport.REASON_HEADER)).hasToString(
                "refused task message: bad signature: the message is not signed (no x-scatter-signature header)");
        assertThat(broker.ready(Channels.RESULTS_QUEUE)).isZero();
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("verifying their signatures"))
                .noneMatch(line -> line.contains(KEY));
    }

    private static AmqpMessage encode(TaskMessage task) {
        return CloudEventAmqpCodec.encode(ScatterEvents.event(ScatterEvents.newId(), Channels.API_SOURCE,
                task.jobId().toString(), Instant.now(), task));
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
