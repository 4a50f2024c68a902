package io.scatter.api.workers;

import com.fasterxml.jackson.databind.JsonNode;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.contracts.WorkerHeartbeatMessage;
import io.scatter.contracts.WorkerHeartbeatMessage.State;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.List;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static org.assertj.core.api.Assertions.assertThat;

/** A job submitted without a task count is split to fit the workers the API hears from. */
@ApiTest
class WorkerCapacityTest {

    static final ApiEnvironment environment = ApiEnvironment.withBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
    }

    private final ApiClient api;
    private final WorkerRegistry registry;

    @Autowired
    WorkerCapacityTest(@LocalServerPort int port, WorkerRegistry registry) {
        this.api = new ApiClient(port);
        this.registry = registry;
    }

    @Test
    void aJobWithoutATaskCountIsSplitIntoWholeWavesOverTheLiveWorkersThreads() {
        registry.heard(heartbeat("pi-1", 4, State.RUNNING));
        registry.heard(heartbeat("pi-2", 4, State.RUNNING));
        registry.heard(heartbeat("leaving", 16, State.STOPPING));

        JsonNode job = api.job(api.submit(aPrimeCountJob().from(0).to(10_000_000_000L).withoutOptions().json()));

        assertThat(job.path("options").path("tasks").asInt()).as("11 by cost, in waves of 8").isEqualTo(16);
        assertThat(job.path("progress").path("tasksTotal").asInt()).isEqualTo(16);
    }

    private static WorkerHeartbeatMessage heartbeat(String name, int concurrency, State state) {
        Instant now = Instant.now();
        return new WorkerHeartbeatMessage(name, "host-" + name, 4242, concurrency, 0, 0, List.of(),
                now.minusSeconds(60), now, state);
    }
}
