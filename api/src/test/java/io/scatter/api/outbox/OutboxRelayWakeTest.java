package io.scatter.api.outbox;

import io.cloudevents.CloudEvent;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.BrokerProbe;
import io.scatter.api.testing.Poll;
import io.scatter.contracts.Channels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static org.assertj.core.api.Assertions.assertThat;

/** A committed submission wakes the relay: its tasks go out without waiting for the next round, an hour away here. */
@ApiTest
class OutboxRelayWakeTest {

    static final ApiEnvironment environment = ApiEnvironment.withBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
        registry.add("scatter.outbox.interval", () -> "1h");
    }

    private final ApiClient api;
    private final BrokerProbe broker = new BrokerProbe(environment.rabbitUri());

    @Autowired
    OutboxRelayWakeTest(@LocalServerPort int port) {
        this.api = new ApiClient(port);
    }

    @AfterEach
    void close() {
        broker.close();
    }

    @Test
    void theTasksOfASubmittedJobArePublishedAtOnceAfterItsTransactionCommits() {
        Poll.until("the broker connected", () -> api.get("/actuator/health").json(),
                health -> "UP".equals(health.path("components").path("broker").path("status").asText()));

        String id = api.submit(aPrimeCountJob().from(0).to(30_000).tasks(3).json());

        List<CloudEvent> events = broker.awaitEvents(Channels.TASKS_QUEUE, 3, event -> id.equals(event.getSubject()));
        assertThat(events).hasSize(3);
    }
}
