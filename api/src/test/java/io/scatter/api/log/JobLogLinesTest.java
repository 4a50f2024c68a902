package io.scatter.api.log;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.Poll;
import io.scatter.api.testing.TestWorker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static org.assertj.core.api.Assertions.assertThat;

/** The API's log lines about one job carry its id as job_id, on request threads and on the result consumer's. */
@ApiTest
class JobLogLinesTest {

    static final ApiEnvironment environment = ApiEnvironment.withBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
    }

    private final ApiClient api;
    private final Logger scatter = (Logger) LoggerFactory.getLogger("io.scatter.api");
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @Autowired
    JobLogLinesTest(@LocalServerPort int port) {
        this.api = new ApiClient(port);
    }

    @BeforeEach
    void listen() {
        events.start();
        scatter.addAppender(events);
    }

    @AfterEach
    void stopListening() {
        scatter.detachAppender(events);
        events.stop();
    }

    @Test
    void theLineOfACancelledJobCarriesItsId() {
        String id = api.submit(aPrimeCountJob().json());

        api.delete("/api/v1/jobs/" + id);

        assertThat(linesAbout("Cancelled job " + id)).singleElement()
                .satisfies(event -> assertThat(event.getMDCPropertyMap()).containsEntry("job_id", id));
    }

    @Test
    void theLineOfAJobItsResultsEndedCarriesItsId() {
        String id = api.submit(aPrimeCountJob().from(0).to(10_000).tasks(2).json());

        try (TestWorker worker = TestWorker.start(environment)) {
            Poll.until("the line of job " + id + " ending", () -> linesAbout("Job " + id + " SUCCEEDED"),
                    lines -> !lines.isEmpty());
        }

        assertThat(linesAbout("Job " + id + " SUCCEEDED")).singleElement()
                .satisfies(event -> assertThat(event.getMDCPropertyMap()).containsEntry("job_id", id));
    }

    private List<ILoggingEvent> linesAbout(String text) {
        synchronized (events) {
            return events.list.stream().filter(event -> event.getFormattedMessage().contains(text)).toList();
        }
    }
}
