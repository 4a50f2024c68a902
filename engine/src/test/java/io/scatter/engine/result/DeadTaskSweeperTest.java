package io.scatter.engine.result;

import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.memory.InMemoryTaskTransport;
import io.scatter.engine.transport.ForwardingTaskTransport;
import io.scatter.engine.transport.DeadTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.scatter.engine.testing.TaskMessageBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

class DeadTaskSweeperTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private final DeadLetters transport = new DeadLetters();
    private final DeadTaskSweeper sweeper = new DeadTaskSweeper(transport, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void aDeadLetteredTaskBecomesAFailedResultCarryingTheReason() throws Exception {
        TaskMessage poison = aTask().index(3).of(5).build();
        transport.dead.add(new DeadTask(poison, "delivered 5 times without an ack"));

        int swept = sweeper.sweep();

        assertThat(swept).isEqualTo(1);
        TaskResultMessage result = transport.published.get(0);
        assertThat(result.jobId()).isEqualTo(poison.jobId());
        assertThat(result.taskIndex()).isEqualTo(3);
        assertThat(result.outcome()).isEqualTo(TaskResultMessage.Outcome.FAILED);
        assertThat(result.error()).isEqualTo("delivered 5 times without an ack");
        assertThat(result.worker()).isEqualTo(DeadTaskSweeper.WORKER);
        assertThat(transport.messageIds).containsExactly(DeadTaskSweeper.messageId(poison));
    }

    @Test
    void aDeadTaskIsSweptOnceAndAnUnreadableOneNever() throws Exception {
        transport.dead.add(new DeadTask(aTask().build(), "rejected"));
        sweeper.sweep();
        transport.dead.add(new DeadTask(null, "malformed message"));
        transport.dead.add(new DeadTask(aTask().build(), "rejected"));

        int swept = sweeper.sweep();

        assertThat(swept).isEqualTo(1);
        assertThat(transport.published).hasSize(2);
        assertThat(sweeper.sweep()).isZero();
    }

    @Test
    void theMessageIdOfADeadTaskIsTheSameEveryTime() {
        TaskMessage task = aTask().build();

        assertThat(DeadTaskSweeper.messageId(task)).isEqualTo(DeadTaskSweeper.messageId(task));
    }

    /** A transport whose dead-lettered tasks the test decides, and that records published results. */
    private static final class DeadLetters extends ForwardingTaskTransport {

        private final List<DeadTask> dead = new ArrayList<>();
        private final List<TaskResultMessage> published = new ArrayList<>();
        private final List<String> messageIds = new ArrayList<>();

        DeadLetters() {
            super(new InMemoryTaskTransport());
        }

        @Override
        public List<DeadTask> deadTasks() {
            return List.copyOf(dead);
        }

        @Override
        public void publishResult(String messageId, TaskResultMessage result) {
            messageIds.add(messageId);
            published.add(result);
        }
    }
}
