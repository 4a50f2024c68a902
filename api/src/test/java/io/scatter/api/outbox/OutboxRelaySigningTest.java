package io.scatter.api.outbox;

import com.rabbitmq.client.GetResponse;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.BrokerProbe;
import io.scatter.api.testing.Poll;
import io.scatter.contracts.Channels;
import io.scatter.messaging.MessageSigning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static org.assertj.core.api.Assertions.assertThat;

/** With a signing key, the relay signs every task message it publishes with it. */
@ApiTest
class OutboxRelaySigningTest {

    private static final String KEY = "outbox-relay-signing-test-key";

    static final ApiEnvironment environment = ApiEnvironment.withBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
        registry.add("SCATTER_SIGNING_KEY", () -> KEY);
    }

    private final ApiClient api;
    private final BrokerProbe broker = new BrokerProbe(environment.rabbitUri());

    OutboxRelaySigningTest(@LocalServerPort int port) {
        this.api = new ApiClient(port);
    }

    @AfterEach
    void close() {
        broker.close();
    }

    @Test
    void everyTaskOfASubmittedJobCarriesASignatureTheKeyVerifiesAndAnotherKeyDoesNot() throws Exception {
        // the API declares the queues once connected; taking from a queue not declared yet would close the probe
        Poll.until("the API ready, its broker connected", () -> api.get("/actuator/health/readiness").status(),
                status -> status == 200);
        String id = api.submit(aPrimeCountJob().from(0).to(30_000).tasks(3).json());

        List<GetResponse> tasks = new ArrayList<>();
        Poll.until("3 tasks on " + Channels.TASKS_QUEUE, () -> {
            for (GetResponse response = broker.take(Channels.TASKS_QUEUE); response != null;
                 response = broker.take(Channels.TASKS_QUEUE)) {
                tasks.add(response);
            }
            return tasks.size();
        }, size -> size >= 3);

        MessageSigning key = MessageSigning.withKeys(KEY);
        MessageSigning other = MessageSigning.withKeys("some-other-key-of-the-cluster");
        for (GetResponse task : tasks) {
            assertThat(task.getProps().getHeaders().get("cloudEvents:subject")).hasToString(id);
            assertThat(task.getProps().getHeaders().get(MessageSigning.HEADER)).asString().startsWith("hmac-sha256=");
            assertThat(key.refusal(task.getProps(), task.getBody())).isEmpty();
            assertThat(other.refusal(task.getProps(), task.getBody())).isPresent();
        }
    }
}
