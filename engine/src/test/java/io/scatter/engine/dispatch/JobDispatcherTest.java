package io.scatter.engine.dispatch;

import io.scatter.contracts.TaskMessage;
import io.scatter.core.job.JobStatus;
import io.scatter.core.jobtype.Capacity;
import io.scatter.core.jobtype.InvalidInputException;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobType;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.core.jobtype.UnknownJobTypeException;
import io.scatter.core.prime.PrimeCountJobType;
import io.scatter.engine.memory.InMemoryJobStore;
import io.scatter.engine.memory.InMemoryTaskTransport;
import io.scatter.engine.store.NewJob;
import io.scatter.engine.store.StoredJob;
import io.scatter.engine.transport.ForwardingTaskTransport;
import io.scatter.engine.testing.SumJobType;
import io.scatter.engine.transport.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobDispatcherTest {

    private final SendingTransport transport = new SendingTransport();
    private final InMemoryJobStore store = new InMemoryJobStore();
    private final JobDispatcher dispatcher = new JobDispatcher(JobTypes.of(new SumJobType(), new ConfusedJobType()),
            store, transport, Clock.systemUTC());

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void preparingAJobValidatesAndSplitsItWithoutStoringOrSendingAnything() {
        NewJob job = dispatcher.prepare(SumJobType.NAME, Map.of("numbers", 3), Map.of());

        assertThat(job.payloads()).hasSize(3);
        assertThat(job.definition().input()).containsEntry("numbers", 3L);
        assertThat(store.find(job.id())).isEmpty();
        assertThat(transport.sent).isEmpty();
    }

    @Test
    void theWorkersCapacityWhenAJobIsPreparedSizesItsTasks() {
        JobDispatcher fitting = new JobDispatcher(JobTypes.of(new PrimeCountJobType()), store, transport,
                Clock.systemUTC(), () -> new Capacity(8));

        NewJob job = fitting.prepare(PrimeCountJobType.NAME, Map.of("from", 0, "to", 10_000_000_000L), Map.of());

        assertThat(job.payloads()).hasSize(16);
        assertThat(job.definition().options()).containsEntry("tasks", 16);
    }

    @Test
    void invalidInputIsRejectedNamingTheField() {
        assertThatThrownBy(() -> dispatcher.prepare(SumJobType.NAME, Map.of("numbers", 0), Map.of()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("input.numbers"));
    }

    @Test
    void anUnknownJobTypeIsRejected() {
        assertThatThrownBy(() -> dispatcher.prepare("no-such-type", Map.of(), Map.of()))
                .isInstanceOf(UnknownJobTypeException.class);
    }

    @Test
    void aJobTypeThatFailsInsteadOfRejectingTheInputIsReportedAsInvalidInput() {
        assertThatThrownBy(() -> dispatcher.prepare(ConfusedJobType.NAME, Map.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("input");
                    assertThat(e.getMessage()).contains("confused", "no idea");
                });
    }

    @Test
    void aSubmittedJobIsStoredAndOneTaskIsSentPerPayload() throws Exception {
        StoredJob job = dispatcher.submit(dispatcher.prepare(SumJobType.NAME, Map.of("numbers", 3), Map.of()));

        assertThat(store.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(transport.sent).extracting(TaskMessage::taskIndex).containsExactly(0, 1, 2);
        assertThat(transport.sent).allSatisfy(task -> {
            assertThat(task.jobId()).isEqualTo(job.id());
            assertThat(task.taskCount()).isEqualTo(3);
            assertThat(task.jobType()).isEqualTo(SumJobType.NAME);
        });
        assertThat(transport.sent.get(2).payload()).isEqualTo(Map.of("value", 3L));
    }

    @Test
    void aJobWhoseTasksCannotBeSentIsFailed() {
        transport.failSending = true;
        NewJob job = dispatcher.prepare(SumJobType.NAME, Map.of("numbers", 2), Map.of());

        assertThatThrownBy(() -> dispatcher.submit(job)).isInstanceOf(TransportException.class);

        StoredJob stored = store.find(job.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(JobStatus.FAILED);
        assertThat(stored.error()).contains("could not be published");
    }

    @Test
    void cancellingARunningJobTellsTheWorkersOnce() throws Exception {
        StoredJob job = dispatcher.submit(dispatcher.prepare(SumJobType.NAME, Map.of("numbers", 2), Map.of()));
        List<UUID> heard = new CopyOnWriteArrayList<>();
        transport.onCancel(heard::add);

        StoredJob cancelled = dispatcher.cancel(job.id()).orElseThrow();
        dispatcher.cancel(job.id());

        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(heard).containsExactly(job.id());
    }

    @Test
    void failingAJobEndsItWithTheReasonAndTellsTheWorkers() throws Exception {
        StoredJob job = dispatcher.submit(dispatcher.prepare(SumJobType.NAME, Map.of("numbers", 2), Map.of()));
        List<UUID> heard = new CopyOnWriteArrayList<>();
        transport.onCancel(heard::add);

        StoredJob failed = dispatcher.fail(job.id(), "the sky fell").orElseThrow();

        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).isEqualTo("the sky fell");
        assertThat(heard).containsExactly(job.id());
    }

    /** A transport that keeps the tasks sent instead of queueing them, or fails to send. */
    private static final class SendingTransport extends ForwardingTaskTransport {

        private final List<TaskMessage> sent = new CopyOnWriteArrayList<>();
        private volatile boolean failSending;

        SendingTransport() {
            super(new InMemoryTaskTransport());
        }

        @Override
        public void publishTasks(List<TaskMessage> tasks) throws TransportException {
            if (failSending) {
                throw new TransportException("the broker is unreachable");
            }
            sent.addAll(tasks);
        }
    }

    /** A job type that throws a plain exception from define instead of an InvalidInputException. */
    private static final class ConfusedJobType implements JobType {

        static final String NAME = "confused";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public JobDefinition define(Map<String, Object> input, Map<String, Object> options) {
            throw new IllegalArgumentException("no idea");
        }

        @Override
        public List<Map<String, Object>> split(JobDefinition job) {
            return List.of(Map.of());
        }

        @Override
        public Map<String, Object> compute(Map<String, Object> task) {
            return Map.of();
        }

        @Override
        public Map<String, Object> emptyResult() {
            return Map.of();
        }

        @Override
        public Map<String, Object> combine(Map<String, Object> a, Map<String, Object> b) {
            return Map.of();
        }
    }
}
