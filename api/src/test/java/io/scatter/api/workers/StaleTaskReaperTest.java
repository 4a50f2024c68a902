package io.scatter.api.workers;

import io.cloudevents.CloudEvent;
import io.scatter.api.testing.AdjustableClock;
import io.scatter.api.testing.AdjustableClockConfiguration;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.BrokerProbe;
import io.scatter.api.testing.Poll;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.WorkerHeartbeatMessage;
import io.scatter.contracts.WorkerHeartbeatMessage.InFlightTask;
import io.scatter.contracts.WorkerHeartbeatMessage.State;
import io.scatter.messaging.ScatterEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reaper against the API's real outbox, relay and job store: heartbeats are fed to the registry directly, time
 * is moved by an adjustable application clock, and the reaper is run by the test (its schedule is an hour).
 */
@ApiTest
@Import(AdjustableClockConfiguration.class)
class StaleTaskReaperTest {

    static final ApiEnvironment environment = ApiEnvironment.withBroker();

    private static BrokerProbe broker;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
        registry.add("scatter.workers.reap-interval", () -> "1h");
    }

    private final ApiClient api;
    private final AdjustableClock clock;
    private final WorkerRegistry registry;
    private final StaleTaskReaper reaper;

    @Autowired
    StaleTaskReaperTest(@LocalServerPort int port, AdjustableClock clock, WorkerRegistry registry,
                        StaleTaskReaper reaper) {
        this.api = new ApiClient(port);
        this.clock = clock;
        this.registry = registry;
        this.reaper = reaper;
    }

    @BeforeAll
    static void connect() {
        broker = new BrokerProbe(environment.rabbitUri());
        broker.declareTopology();
    }

    @AfterAll
    static void disconnect() {
        broker.close();
    }

    @Test
    void aQueuedTaskThatTwoLostWorkersHeldIsPublishedAgainOnceAndOnlyThatTask() throws Exception {
        UUID job = UUID.fromString(api.submit(aPrimeCountJob().from(0).to(30_000).tasks(3).json()));
        awaitReady(3);
        drain();
        registry.heard(heartbeat("stuck-a", List.of(new InFlightTask(job, 1, clock.instant()))));
        registry.heard(heartbeat("stuck-b", List.of(new InFlightTask(job, 1, clock.instant()),
                new InFlightTask(UUID.randomUUID(), 0, clock.instant()))));
        registry.heard(heartbeat("idle", List.of()));
        assertThat(reaper.reap()).as("nobody is lost yet").isZero();

        clock.advance(Duration.ofSeconds(16));

        assertThat(reaper.reap()).isEqualTo(1);
        List<CloudEvent> again = broker.awaitEvents(Channels.TASKS_QUEUE, 1, event -> true);
        TaskMessage task = ScatterEvents.data(again.get(0), TaskMessage.class);
        assertThat(task.jobId()).isEqualTo(job);
        assertThat(task.taskIndex()).isEqualTo(1);
        assertThat(task.taskCount()).isEqualTo(3);
        assertThat(reaper.reap()).as("each lost worker is recovered once").isZero();
        assertThat(broker.messageCount(Channels.TASKS_QUEUE)).isZero();
    }

    private void awaitReady(int count) {
        Poll.until(count + " tasks on " + Channels.TASKS_QUEUE, () -> broker.messageCount(Channels.TASKS_QUEUE),
                ready -> ready >= count);
    }

    private void drain() {
        while (broker.take(Channels.TASKS_QUEUE) != null) {
            // the first publication of every task
        }
    }

    private WorkerHeartbeatMessage heartbeat(String name, List<InFlightTask> inFlight) {
        return new WorkerHeartbeatMessage(name, "host-" + name, 4242, 4, 0, 0, inFlight,
                clock.instant().minusSeconds(600), clock.instant(), State.RUNNING);
    }
}
