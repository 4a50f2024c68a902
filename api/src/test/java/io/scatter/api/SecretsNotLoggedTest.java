package io.scatter.api;

import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.Poll;
import io.scatter.api.testing.TestWorker;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.messaging.testing.TestVhost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API and a worker run a job with a database password and a broker password of their own, and neither secret
 * (nor its URL-encoded form) appears anywhere in the output of the run, from startup to shutdown of the worker.
 */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsNotLoggedTest {

    static final ApiEnvironment environment = ApiEnvironment.withBroker();

    private static final String RANDOM = UUID.randomUUID().toString().substring(0, 8);
    private static final String DATABASE_PASSWORD = "Db-Secret-" + RANDOM + "-p@ss:w/rd";
    private static final String BROKER_USER = "scatter-test-secrets-" + RANDOM;
    private static final String BROKER_PASSWORD = "Broker-Secret-" + RANDOM + "-p@ss:w/rd";
    private static final String BROKER_URI = "amqp://" + BROKER_USER + ":" + encoded(BROKER_PASSWORD)
            + "@127.0.0.1:5672/" + environment.rabbitUri().substring(environment.rabbitUri().lastIndexOf('/') + 1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestVhost.rabbitmqctl("add_user", BROKER_USER, BROKER_PASSWORD);
        TestVhost.rabbitmqctl("set_permissions", "-p", vhost(), BROKER_USER, ".*", ".*", ".*");
        environment.register(registry);
        registry.add("spring.datasource.password", () -> DATABASE_PASSWORD);
        registry.add("scatter.rabbitmq.uri", () -> BROKER_URI);
    }

    @AfterAll
    static void deleteTheBrokerUser() {
        TestVhost.rabbitmqctl("delete_user", BROKER_USER);
    }

    private final ApiClient api;

    @Autowired
    SecretsNotLoggedTest(@LocalServerPort int port) {
        this.api = new ApiClient(port);
    }

    @Test
    void noPasswordAppearsInTheLogsOfARunThroughAJob(CapturedOutput output) {
        String id;
        try (TestWorker worker = TestWorker.start(BROKER_URI, JobTypes.load(), "secrets-test-worker")) {
            id = api.submit(aPrimeCountJob().json());
            Poll.until("the job to succeed", () -> api.job(id).path("status").asText(), "SUCCEEDED"::equals);
        }

        assertThat(output.getAll()).as("the run's output was captured").contains(id).contains(vhost());
        for (String secret : new String[]{DATABASE_PASSWORD, BROKER_PASSWORD}) {
            assertThat(output.getAll()).doesNotContain(secret).doesNotContain(encoded(secret))
                    .doesNotContain(secret.substring(0, secret.indexOf('@')));
        }
    }

    private static String vhost() {
        return environment.rabbitUri().substring(environment.rabbitUri().lastIndexOf('/') + 1);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
