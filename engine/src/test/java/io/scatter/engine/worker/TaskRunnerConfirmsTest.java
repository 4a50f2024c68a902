package io.scatter.engine.worker;

import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.memory.InMemoryTaskTransport;
import io.scatter.engine.testing.SumJobType;
import io.scatter.engine.transport.ForwardingTaskTransport;
import io.scatter.engine.transport.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.scatter.engine.testing.TaskMessageBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a runner settles a task when its transport confirms the result later than it publishes it. */
class TaskRunnerConfirmsTest {

    private final LaterConfirmingTransport transport = new LaterConfirmingTransport();
    private final TaskRunner runner = new TaskRunner(transport, JobTypes.of(new SumJobType()), "w-1", 1, 4,
            Clock.systemUTC(), RetryBackoff.DEFAULT);

    @AfterEach
    void close() {
        runner.close();
        transport.close();
    }

    @Test
    void aTaskIsAckedOnlyAfterItsResultIsConfirmed() {
        FakeTaskDelivery delivery = FakeTaskDelivery.of(sumTask(5));

        runner.handle(delivery);

        assertThat(transport.unconfirmed).hasSize(1);
        assertThat(delivery.settled()).isNull();
        assertThat(runner.tasksDone()).isZero();

        transport.unconfirmed.get(0).complete(null);

        assertThat(delivery.settled()).isEqualTo(FakeTaskDelivery.Settled.ACKED);
        assertThat(runner.tasksDone()).isEqualTo(1);
    }

    @Test
    void aResultThatIsNackedLeavesItsTaskUnackedForRedelivery() {
        FakeTaskDelivery delivery = FakeTaskDelivery.of(sumTask(5));
        runner.handle(delivery);

        transport.unconfirmed.get(0).completeExceptionally(new TransportException("publish not confirmed: nacked"));

        assertThat(delivery.settled()).isEqualTo(FakeTaskDelivery.Settled.REQUEUED);
        assertThat(runner.tasksDone()).isZero();
    }

    @Test
    void aComputingThreadTakesItsNextTaskWhileTheResultOfTheLastAwaitsItsConfirm() {
        FakeTaskDelivery first = FakeTaskDelivery.of(sumTask(1));
        FakeTaskDelivery second = FakeTaskDelivery.of(sumTask(2));

        runner.handle(first);
        runner.handle(second);

        assertThat(transport.unconfirmed).hasSize(2);
        assertThat(List.of(first.settled() == null, second.settled() == null)).containsOnly(true);
        transport.unconfirmed.get(1).complete(null);
        assertThat(second.settled()).isEqualTo(FakeTaskDelivery.Settled.ACKED);
        assertThat(first.settled()).isNull();
    }

    @Test
    void aRunnerHoldsAtLeastAsManyTasksAsItComputes() {
        assertThatThrownBy(() -> new TaskRunner(transport, JobTypes.of(new SumJobType()), "w-1", 4, 3,
                Clock.systemUTC(), RetryBackoff.DEFAULT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefetch");
    }

    private static TaskMessage sumTask(long value) {
        return aTask().type(SumJobType.NAME).payload(Map.of("value", value)).build();
    }

    /** An in-memory transport whose result publishes are confirmed only when the test completes their stage. */
    private static final class LaterConfirmingTransport extends ForwardingTaskTransport {

        private final List<CompletableFuture<Void>> unconfirmed = new CopyOnWriteArrayList<>();

        LaterConfirmingTransport() {
            super(new InMemoryTaskTransport());
        }

        @Override
        public CompletionStage<Void> publishResultAsync(String messageId, TaskResultMessage result) {
            CompletableFuture<Void> confirm = new CompletableFuture<>();
            unconfirmed.add(confirm);
            return confirm;
        }
    }
}
